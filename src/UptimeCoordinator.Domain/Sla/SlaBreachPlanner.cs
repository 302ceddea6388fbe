using System.Globalization;
using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Domain.Sla;

/// <summary>
/// Decides which contacts of a client hear that a month's service level fell below target, and
/// renders their notices. A month is one story told once: the first report below target tells it,
/// and later reports of the same month, better or worse, add nothing to the outbox.
/// </summary>
public static class SlaBreachPlanner
{
    // Every breach of a month is the same step of the same story, so the id never changes with the figures.
    private const long Sequence = 1;

    /// <summary>The subject of a month's notices: <c>sla-2026-03</c>.</summary>
    public static string SubjectId(int year, int month) =>
        string.Create(CultureInfo.InvariantCulture, $"sla-{year:D4}-{month:D2}");

    /// <summary>
    /// Plans one <see cref="NoticeKind.SlaBreached"/> notice per contact and channel when
    /// <paramref name="report"/> misses its target, leaving out contacts that do not want the stage and
    /// notices already in <paramref name="outbox"/>; nothing when the target is met.
    /// </summary>
    /// <param name="feeCurrency">The currency of the monthly fee, in which the credit is owed.</param>
    public static List<Notice> Plan(ClientDefinition client, SlaReport report, string feeCurrency, NoticeOutbox outbox, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(outbox);

        var planned = new List<Notice>();
        if (report.Met)
        {
            return planned;
        }

        var subjectId = SubjectId(report.Year, report.Month);
        // Opt-in: only contacts that list the stage. Month to date, a few minutes of outage early in a
        // month already miss a 99.9 % target, so it is news for account managers, not for everyone.
        foreach (var contact in client.Contacts.Where(c => c.Stages?.Contains(NoticeKind.SlaBreached) == true))
        {
            var zone = TimeZones.Find(contact.TimeZone ?? client.TimeZone);
            foreach (var (channel, to) in contact.Channels())
            {
                var id = NoticeId.For(subjectId, NoticeKind.SlaBreached, Sequence, client.Id, contact.Id, channel);
                if (outbox.Contains(id))
                {
                    continue;
                }

                var facts = new SlaBreachFacts(id, client.Id, client.Name, contact.Name, report, feeCurrency, now, zone);
                var content = SlaBreachText.Render(facts);

                // Bad news about a month is not an outage: sla.breached is not urgent, so quiet hours may hold it.
                planned.Add(Notice.Planned(
                    id, NoticeKind.SlaBreached, channel, contact, subjectId, Sequence, to, content,
                    channel == NoticeChannel.Webhook ? SlaBreachText.Json(facts, content) : null, now, zone));
            }
        }

        return planned;
    }
}
