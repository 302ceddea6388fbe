using System.Globalization;
using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Incidents;

namespace UptimeCoordinator.Domain.Notices;

/// <summary>
/// Decides which notices one client's contacts get for a bulletin the incident handed out, and
/// renders them. It keeps the same story as <see cref="NoticePlanner"/>: progress goes to whoever
/// has not been told it is fixed, the resolution to whoever was told it is broken, the follow-up
/// and survey to whoever was told it is fixed. A client's report and its "not fixed" are answered
/// to that client alone; what is for the responders goes to every contact of the responders' client.
/// </summary>
public static class BulletinPlanner
{
    /// <param name="affected">What the bulletin reaches of this client (see <see cref="ClientImpacts.ApplyBulletin"/>).</param>
    /// <param name="feedbackLink">The answer link and token for a contact id, for follow-up and survey notices.</param>
    public static List<Notice> Plan(
        ClientDefinition client,
        IncidentBulletinStep step,
        ImpactChange affected,
        NoticeOutbox outbox,
        DateTimeOffset now,
        TimeSpan updateInterval,
        Func<string, (string Url, string Token)>? feedbackLink = null)
    {
        var bulletin = step.Bulletin;
        var planned = new List<Notice>();

        // What is answered to one client (its report, its "not fixed") is in its own words: nobody else's news.
        if (bulletin.ClientId is { } addressee && addressee != client.Id && !bulletin.Kind.IsForResponders())
        {
            return planned;
        }

        foreach (var contact in client.Contacts)
        {
            if (bulletin.ContactId is { } only && bulletin.ClientId == client.Id && !bulletin.Kind.IsForResponders() && contact.Id != only)
            {
                continue;
            }

            var zone = TimeZones.Find(contact.TimeZone ?? client.TimeZone);
            foreach (var (channel, to) in contact.Channels())
            {
                if (KindFor(bulletin, NoticePlanner.Told(outbox, step.IncidentId, contact.Id, channel), contact) is not { } kind)
                {
                    continue;
                }

                var id = NoticeId.ForBulletin(step.IncidentId, kind, bulletin.Sequence, client.Id, contact.Id, channel);
                if (outbox.Contains(id))
                {
                    continue;
                }

                var link = kind is NoticeKind.IncidentFollowUp or NoticeKind.IncidentSurvey ? feedbackLink?.Invoke(contact.Id) : null;
                var facts = new IncidentNoticeFacts(
                    id, kind, client.Id, client.Name, contact.Name, step.IncidentId, step.Title, step.Severity, affected.Affected,
                    affected.Impact.StartedAt, bulletin.At, kind == NoticeKind.IncidentResolved ? step.ResolvedAt ?? bulletin.At : step.ResolvedAt,
                    bulletin.Message, step.IncidentIsOpen ? bulletin.At + updateInterval : null, bulletin.Eta, zone,
                    bulletin.Kind, step.Stage, bulletin.By, bulletin.PreviousEta, bulletin.Resolution, link?.Url, link?.Token);
                planned.Add(IncidentNotices.Planned(facts, contact, channel, to, bulletin.Sequence, now));
            }
        }

        return planned;
    }

    /// <summary>
    /// The notice <paramref name="contact"/> gets for <paramref name="bulletin"/>, given what it was told on that
    /// channel and the stages it wants; null for none.
    /// </summary>
    public static NoticeKind? KindFor(IncidentBulletin bulletin, ToldState told, Contact contact)
    {
        var kind = (bulletin.Kind, told) switch
        {
            // A responder's summary after monitoring's own "fixed" is news to whoever heard that; after a
            // fix that did not hold, those told it was fixed before have not been told it broke again.
            (BulletinKind.Resolved, ToldState.Fixed) => bulletin.Resolution?.GeneratedSummary is null ? null : NoticeKind.IncidentResolved,

            // Someone who chose to hear only of resolutions still hears of them.
            (BulletinKind.Resolved, ToldState.Nothing) when !contact.Wants(NoticeKind.IncidentDetected) => NoticeKind.IncidentResolved,
            _ => KindFor(bulletin.Kind, told),
        };
        return kind is { } k && contact.Wants(k) ? k : null;
    }

    /// <summary>The notice a contact gets for <paramref name="bulletin"/>, given what it was told on that channel; null for none.</summary>
    public static NoticeKind? KindFor(BulletinKind bulletin, ToldState told) => (bulletin, told) switch
    {
        (BulletinKind.Declared or BulletinKind.Confirmed, ToldState.Broken) => NoticeKind.IncidentUpdate,
        (BulletinKind.Declared or BulletinKind.Confirmed, _) => NoticeKind.IncidentDetected,
        (BulletinKind.Acknowledged, not ToldState.Fixed) => NoticeKind.IncidentAcknowledged,
        (BulletinKind.Updated or BulletinKind.StillWorking, not ToldState.Fixed) => NoticeKind.IncidentUpdate,
        (BulletinKind.EtaChanged, not ToldState.Fixed) => NoticeKind.IncidentEtaChanged,

        (BulletinKind.Resolved, ToldState.Broken or ToldState.Fixed) => NoticeKind.IncidentResolved,
        (BulletinKind.Dismissed, ToldState.Broken) => NoticeKind.IncidentResolved,
        (BulletinKind.FollowUp, ToldState.Fixed) => NoticeKind.IncidentFollowUp,
        (BulletinKind.Survey, ToldState.Fixed) => NoticeKind.IncidentSurvey,
        (BulletinKind.ReportReceived or BulletinKind.ReopenedForClient, _) => NoticeKind.IncidentAcknowledged,
        (BulletinKind.Reported, _) => NoticeKind.IncidentReported,
        (BulletinKind.Reopened, _) => NoticeKind.IncidentReopened,
        (BulletinKind.Nudge, _) => NoticeKind.IncidentNudge,
        _ => null,
    };

    /// <summary>The link a follow-up or survey carries: the host's feedback page for this incident, client and contact.</summary>
    public static string FeedbackUrl(string baseUrl, string incidentId, string clientId, string contactId, string token) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{baseUrl.TrimEnd('/')}/feedback?incident={Uri.EscapeDataString(incidentId)}&client={Uri.EscapeDataString(clientId)}&contact={Uri.EscapeDataString(contactId)}&token={Uri.EscapeDataString(token)}");
}
