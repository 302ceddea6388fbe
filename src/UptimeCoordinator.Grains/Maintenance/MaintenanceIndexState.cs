using UptimeCoordinator.Contracts.Maintenance;

namespace UptimeCoordinator.Grains.Maintenance;

/// <summary>Persisted state of <see cref="MaintenanceIndexGrain"/>.</summary>
public sealed class MaintenanceIndexState
{
    public Dictionary<string, MaintenanceIndexEntry> Windows { get; set; } = new(StringComparer.Ordinal);
}
