namespace UptimeCoordinator.Host.Integrations.Alertmanager;

/// <summary>What a notification's alerts come to: health events, and the alerts that map to none.</summary>
public sealed record AlertmanagerMapping(IReadOnlyList<MappedAlert> Events, IReadOnlyList<SkippedAlert> Skipped)
{
    public static AlertmanagerMapping Empty { get; } = new([], []);
}
