using UptimeCoordinator.Contracts.Maintenance;
using UptimeCoordinator.Domain.Sla;
using UptimeCoordinator.Grains.Costs;

namespace UptimeCoordinator.Grains.Maintenance;

/// <summary>
/// The SLA's view of maintenance, read from the index: every window not cancelled, on its services
/// and those depending on them, with when it was announced (at its present times) and when the work
/// really ended; an overrun always ends after the window, so the SLA excuses none of it.
/// </summary>
public sealed class MaintenanceIndexHistory(IGrainFactory grains) : IMaintenanceHistory
{
    public async Task<IReadOnlyList<MaintenanceSpan>> WindowsAsync(IReadOnlyCollection<string> serviceIds, DateTimeOffset from, DateTimeOffset to)
    {
        if (serviceIds.Count == 0)
        {
            return [];
        }

        var windows = await grains.GetGrain<IMaintenanceIndexGrain>(IMaintenanceIndexGrain.Key).OverlappingAsync([.. serviceIds], from, to);
        return [.. windows.Select(w => new MaintenanceSpan(w.Id, w.AffectedServiceIds, w.Start, w.End, w.AnnouncedAt, w.EndedAt))];
    }
}
