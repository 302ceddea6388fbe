namespace UptimeCoordinator.Domain.Maintenance;

/// <summary>
/// One step a window hands out to the people it affects, numbered in the window's own sequence
/// (part of every notice id), with the window's times as they were at that step, so that a step
/// handed out late still tells what was true when it happened.
/// </summary>
/// <param name="Revision">The window's iCalendar SEQUENCE at this step.</param>
/// <param name="RevisedAt">When that revision began (scheduled, rescheduled or cancelled): the invite's DTSTAMP, so every copy of one revision is the same.</param>
/// <param name="LeadTime">For a reminder: how long before the start it was due.</param>
/// <param name="PreviousStart">For a reschedule: the start it had before.</param>
/// <param name="By">Who made the change, for a reschedule or a cancellation.</param>
/// <param name="Reason">Why, when they said.</param>
/// <param name="RemindersAhead">Lead times of the reminders still to come after this step, so a notice can promise them.</param>
/// <param name="OverrunIncidentId">For a completion that overran: the incident the unfinished work became.</param>
public sealed record MaintenanceBulletin(
    long Sequence,
    MaintenanceBulletinKind Kind,
    DateTimeOffset At,
    int Revision,
    DateTimeOffset RevisedAt,
    DateTimeOffset Start,
    DateTimeOffset End,
    TimeSpan? LeadTime = null,
    DateTimeOffset? PreviousStart = null,
    DateTimeOffset? PreviousEnd = null,
    string? OverrunIncidentId = null,
    IReadOnlyList<TimeSpan>? RemindersAhead = null,
    string? By = null,
    string? Reason = null);
