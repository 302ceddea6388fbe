using Orleans.Concurrency;

namespace UptimeCoordinator.Contracts.Maintenance;

/// <summary>
/// Every maintenance window, in one grain: the list, the one place that can refuse two windows on
/// one service at the same time, and what the SLA and the recommender read.
/// </summary>
[Alias("uc.IMaintenanceIndexGrain")]
public interface IMaintenanceIndexGrain : IGrainWithStringKey
{
    public const string Key = "all";

    /// <summary>
    /// Records the window unless an active window shares one of its services at an overlapping time;
    /// returns those windows (empty: recorded). A window may overlap its own entry (a reschedule).
    /// </summary>
    [Alias("Reserve")]
    Task<MaintenanceIndexEntry[]> ReserveAsync(MaintenanceIndexEntry entry);

    /// <summary>Replaces the entry of a window that moved along its life.</summary>
    [Alias("Update")]
    Task UpdateAsync(MaintenanceIndexEntry entry);

    /// <summary>Forgets a reservation whose window was never stored.</summary>
    [Alias("Release")]
    Task ReleaseAsync(string id);

    /// <summary>Windows by start (then id), after the window <see cref="MaintenanceIndexQuery.After"/>, optionally only in some stages or touching one service.</summary>
    [Alias("List"), ReadOnly, AlwaysInterleave]
    Task<MaintenanceIndexEntry[]> ListAsync(MaintenanceIndexQuery query);

    /// <summary>Windows (cancelled ones excluded) whose affected services include one of <paramref name="serviceIds"/> and that overlap [from, to).</summary>
    [Alias("Overlapping"), ReadOnly, AlwaysInterleave]
    Task<MaintenanceIndexEntry[]> OverlappingAsync(string[] serviceIds, DateTimeOffset from, DateTimeOffset to);
}

/// <param name="Stages">Only windows in one of these stages; null: all.</param>
/// <param name="ServiceId">Only windows whose affected services include it.</param>
/// <param name="VisibleToServices">Only windows whose affected services include one of these (a client's subscriptions); null: all.</param>
[GenerateSerializer, Alias("uc.MaintenanceIndexQuery")]
public sealed record MaintenanceIndexQuery(
    [property: Id(0)] Domain.Maintenance.MaintenanceStage[]? Stages,
    [property: Id(1)] string? ServiceId,
    [property: Id(2)] string[]? VisibleToServices,
    [property: Id(3)] string? After,
    [property: Id(4)] int Limit);
