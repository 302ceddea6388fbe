using UptimeCoordinator.Contracts.Incidents;

namespace UptimeCoordinator.Grains.Incidents;

/// <summary>Persisted state of <see cref="IncidentIndexGrain"/>.</summary>
public sealed class IncidentIndexState
{
    public Dictionary<string, IncidentIndexEntry> Entries { get; set; } = new(StringComparer.Ordinal);
}
