using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Domain.Maintenance;

/// <summary>
/// What a window's iCalendar invite says, as of one revision: everything <see cref="MaintenanceCalendar.Invite"/>
/// reads, so that equal invites render to equal bytes wherever they are built (an email, <c>calendar.ics</c>).
/// </summary>
/// <param name="Sequence">The iCalendar SEQUENCE: the window's revision, so a calendar replaces an older copy.</param>
/// <param name="Stamp">The DTSTAMP: when this revision began, never the time of rendering, so a retry is byte-identical.</param>
/// <param name="ServiceNames">The window's own services, in the order given.</param>
/// <param name="Url">Where the window's invite or page can be fetched, when a public base URL is known.</param>
public sealed record MaintenanceInvite(
    string WindowId,
    string Title,
    string? Description,
    DateTimeOffset Start,
    DateTimeOffset End,
    int Sequence,
    DateTimeOffset Stamp,
    bool Cancelled,
    IReadOnlyList<string> ServiceNames,
    string? Url)
{
    /// <summary>The invite as of <paramref name="bulletin"/>: its revision, its times, cancelled when it calls the window off.</summary>
    public static MaintenanceInvite Of(
        string windowId, string title, string? description, MaintenanceBulletin bulletin, IReadOnlyList<string> serviceNames, string? url)
    {
        ArgumentNullException.ThrowIfNull(bulletin);
        return new(
            windowId, title, description, bulletin.Start, bulletin.End, bulletin.Revision, bulletin.RevisedAt,
            bulletin.Kind == MaintenanceBulletinKind.Cancelled, serviceNames, url);
    }

    /// <summary>
    /// The invite a step's notices carry. It names the window's own services (those reached directly), not the
    /// services of one client, so that every client's copy and <c>calendar.ics</c> agree on the same revision.
    /// </summary>
    public static MaintenanceInvite Of(MaintenanceNoticeStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return Of(step.WindowId, step.Title, step.Description, step.Bulletin,
            [.. step.Impacted.Where(s => s.ViaServiceId is null).Select(s => s.Name)], step.CalendarUrl);
    }
}
