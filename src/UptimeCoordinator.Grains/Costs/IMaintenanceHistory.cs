using UptimeCoordinator.Domain.Sla;

namespace UptimeCoordinator.Grains.Costs;

/// <summary>
/// The maintenance windows of some services over a range, with when each was announced and when
/// the work really ended: what the SLA may exclude. The hook for the maintenance feature; until it
/// is registered, <see cref="NoMaintenanceHistory"/> answers none, so nothing is excluded.
/// </summary>
public interface IMaintenanceHistory
{
    Task<IReadOnlyList<MaintenanceSpan>> WindowsAsync(IReadOnlyCollection<string> serviceIds, DateTimeOffset from, DateTimeOffset to);
}

/// <summary>No maintenance was ever planned: every minute is eligible.</summary>
public sealed class NoMaintenanceHistory : IMaintenanceHistory
{
    public static NoMaintenanceHistory Instance { get; } = new();

    public Task<IReadOnlyList<MaintenanceSpan>> WindowsAsync(IReadOnlyCollection<string> serviceIds, DateTimeOffset from, DateTimeOffset to) =>
        Task.FromResult<IReadOnlyList<MaintenanceSpan>>([]);
}
