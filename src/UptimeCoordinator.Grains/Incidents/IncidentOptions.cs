namespace UptimeCoordinator.Grains.Incidents;

/// <summary>Configuration section <c>Incidents</c>.</summary>
public sealed class IncidentOptions
{
    public const string Section = "Incidents";

    /// <summary>A recurrence within this time after resolution reopens the same incident.</summary>
    public TimeSpan ReopenWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Longest time an open incident may go without an update.</summary>
    public TimeSpan UpdateReminderInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The client whose contacts are the responders' channel: they get nudges, client reports and
    /// "not fixed" answers. Unset: those are only written to the incident's timeline and the log.
    /// </summary>
    public string? RespondersClientId { get; set; }
}
