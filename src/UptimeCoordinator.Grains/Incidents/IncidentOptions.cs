namespace UptimeCoordinator.Grains.Incidents;

/// <summary>Configuration section <c>Incidents</c>.</summary>
public sealed class IncidentOptions
{
    public const string Section = "Incidents";

    /// <summary>A recurrence within this time after resolution reopens the same incident.</summary>
    public TimeSpan ReopenWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Longest time an open incident may go without an update.</summary>
    public TimeSpan UpdateReminderInterval { get; set; } = TimeSpan.FromMinutes(30);
}
