namespace UptimeCoordinator.Grains.Services;

/// <summary>Persisted state of <see cref="ServiceCatalogGrain"/>: every service id and its dependencies.</summary>
public sealed class ServiceCatalogState
{
    public Dictionary<string, string[]> DependsOn { get; set; } = new(StringComparer.Ordinal);
}
