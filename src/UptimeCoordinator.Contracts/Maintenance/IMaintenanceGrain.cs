using Orleans.Concurrency;

namespace UptimeCoordinator.Contracts.Maintenance;

/// <summary>
/// One maintenance window (key: its id): its life from scheduled to completed or cancelled, the
/// notices it hands out, and the wake-ups for its reminders, start and end.
/// </summary>
[Alias("uc.IMaintenanceGrain")]
public interface IMaintenanceGrain : IGrainWithStringKey
{
    /// <summary>Creates the window, unless it overlaps another on one of its services or already exists.</summary>
    [Alias("Schedule")]
    Task<MaintenanceCommandResult> ScheduleAsync(ScheduleMaintenance command);

    [Alias("Get"), ReadOnly, AlwaysInterleave]
    Task<MaintenanceView?> GetAsync();

    /// <summary>Moves a window that has not begun; every affected contact hears of it.</summary>
    [Alias("Reschedule")]
    Task<MaintenanceCommandResult> RescheduleAsync(RescheduleMaintenance command);

    /// <summary>Calls off a window that has not begun; every affected contact hears of it.</summary>
    [Alias("Cancel")]
    Task<MaintenanceCommandResult> CancelAsync(CancelMaintenance command);

    /// <summary>The window's iCalendar invite at its present revision; null when the window does not exist.</summary>
    [Alias("Calendar"), ReadOnly, AlwaysInterleave]
    Task<string?> CalendarAsync();

    /// <summary>A service whose work overran the window is working again (one-way: the service may be busy).</summary>
    [Alias("WorkEnded"), OneWay]
    Task WorkEndedAsync(DateTimeOffset at);
}
