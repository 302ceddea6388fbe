using UptimeCoordinator.Domain.Maintenance;

namespace UptimeCoordinator.Domain.Notices;

/// <summary>
/// Everything one maintenance notice to one contact says, already narrowed to that contact's client:
/// which of its services the work touches and how, when (shown in <see cref="TimeZone"/>, the contact's
/// zone), what the work is, and what the contact will hear next, which depends on the stages it chose.
/// </summary>
/// <param name="AffectedServices">The client's services the window reaches: its own ones under maintenance, the others through a dependency.</param>
/// <param name="Stages">The stages the contact wants (null: every stage), so the text promises only notices that will come.</param>
/// <param name="RemindersAhead">The lead times of the reminders still to come for the present start; null when not known, and nothing is promised.</param>
/// <param name="InviteAttached">Whether this notice carries the calendar invite (email only).</param>
public sealed record MaintenanceNoticeFacts(
    string NoticeId,
    NoticeKind Kind,
    string ClientId,
    string ClientName,
    string ContactName,
    string WindowId,
    string Title,
    string? Description,
    MaintenanceBulletin Bulletin,
    IReadOnlyList<AffectedService> AffectedServices,
    string? CalendarUrl,
    TimeZoneInfo TimeZone,
    IReadOnlyList<NoticeKind>? Stages = null,
    IReadOnlyList<TimeSpan>? RemindersAhead = null,
    bool InviteAttached = false)
{
    /// <summary>Whether the contact will be sent notices of <paramref name="kind"/>.</summary>
    public bool Hears(NoticeKind kind) => Stages is null || Stages.Contains(kind);
}
