namespace UptimeCoordinator.Grains.Integrations;

/// <summary>Persisted state of <see cref="DedupKeyGrain"/>: the service and check the key maps to.</summary>
public sealed class DedupKeyState
{
    public string? ServiceId { get; set; }

    public string? Check { get; set; }
}
