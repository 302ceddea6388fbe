namespace UptimeCoordinator.Grains.Maintenance;

/// <summary>Configuration section <c>Maintenance</c>.</summary>
public sealed class MaintenanceOptions
{
    public const string Section = "Maintenance";

    /// <summary>Reminders before the start when a window names none: three days, one day and one hour ahead.</summary>
    public IReadOnlyList<TimeSpan> DefaultNoticeLeadTimes { get; set; } = [TimeSpan.FromDays(3), TimeSpan.FromDays(1), TimeSpan.FromHours(1)];

    /// <summary>The longest window that may be planned: longer work is a project, not maintenance.</summary>
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromDays(7);
}
