using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Maintenance;

namespace UptimeCoordinator.Domain.Notices;

/// <summary>
/// Decides which notices one client's contacts get for a step of a maintenance window, and renders them.
/// The story is simple on purpose: every contact of a client the window reaches hears each step it chose to
/// hear, on every channel it gives, once. Unlike an incident there is nothing to reconcile: a window's steps
/// are announced in order and none takes another back, and a contact who chose to hear only some steps
/// (only the completion, say) is given those alone.
/// </summary>
public static class MaintenanceNoticePlanner
{
    /// <summary>
    /// Plans the notices for <paramref name="step"/>; a notice already in <paramref name="outbox"/> is not planned
    /// again, so a replayed fan-out or a reminder tick that fires twice is harmless.
    /// </summary>
    /// <param name="remindersAhead">
    /// The lead times of the window's reminders still to come once the step is taken, so the text can say "we will
    /// remind you 1 day before"; null takes the bulletin's own <see cref="MaintenanceBulletin.RemindersAhead"/>.
    /// </param>
    public static List<Notice> Plan(
        ClientDefinition client,
        MaintenanceNoticeStep step,
        NoticeOutbox outbox,
        DateTimeOffset now,
        IReadOnlyList<TimeSpan>? remindersAhead = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(outbox);
        var planned = new List<Notice>();
        var affected = ClientExposure.OfImpacted(client, step.Impacted);
        if (affected.Count == 0)
        {
            return planned;
        }

        var bulletin = step.Bulletin;
        var kind = bulletin.Kind.NoticeKind();

        // Built once: every email of this step carries the same invite as calendar.ics serves for this revision.
        var invite = bulletin.Kind.AnnouncesAhead() ? MaintenanceCalendar.Attachment(MaintenanceInvite.Of(step)) : null;
        foreach (var contact in client.Contacts.Where(c => c.Wants(kind)))
        {
            var zone = TimeZones.Find(contact.TimeZone ?? client.TimeZone);
            foreach (var (channel, to) in contact.Channels())
            {
                var id = NoticeId.For(step.WindowId, kind, bulletin.Sequence, client.Id, contact.Id, channel);
                if (outbox.Contains(id))
                {
                    continue;
                }

                var attachment = channel == NoticeChannel.Email ? invite : null;
                var facts = new MaintenanceNoticeFacts(
                    id, kind, client.Id, client.Name, contact.Name, step.WindowId, step.Title, step.Description, bulletin, affected,
                    step.CalendarUrl, zone, contact.Stages, remindersAhead ?? bulletin.RemindersAhead, attachment is not null);
                var content = MaintenanceNoticeText.Render(facts);
                var payload = channel == NoticeChannel.Webhook ? MaintenanceNoticePayload.Json(facts, content) : null;
                var notice = Notice.Planned(id, kind, channel, contact, step.WindowId, bulletin.Sequence, to, content, payload, now, zone);
                notice.DueAt = DueAt(notice.DueAt, bulletin, now);
                notice.Attachment = attachment;
                planned.Add(notice);
            }
        }

        return planned;
    }

    /// <summary>
    /// Maintenance is never urgent, so quiet hours may hold its notices; but they may delay news of work to come,
    /// never make it late for the start. A step that announces ahead is due now when the hold would last until the
    /// start it speaks of: the window's start; for a reschedule, the earlier of the old and the new (someone told
    /// of 03:00 must hear before 03:00 that it moved); for a cancellation, the start it calls off.
    /// </summary>
    public static DateTimeOffset DueAt(DateTimeOffset held, MaintenanceBulletin bulletin, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(bulletin);
        if (!bulletin.Kind.AnnouncesAhead())
        {
            return held;
        }

        var deadline = bulletin.PreviousStart is { } previous && previous < bulletin.Start ? previous : bulletin.Start;
        return held >= deadline ? now : held;
    }
}
