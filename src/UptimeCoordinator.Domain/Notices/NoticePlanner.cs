using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Incidents;

namespace UptimeCoordinator.Domain.Notices;

/// <summary>
/// Decides which notices one client's contacts get for an incident step, and renders them.
/// Each contact and channel keeps one story straight: whoever was told something broke hears
/// when it is fixed, nobody hears the same thing twice, and a step that only repeats what the
/// contact already believes (a flap back to broken before "fixed" ever left) sends nothing.
/// </summary>
public static class NoticePlanner
{
    /// <summary>
    /// Plans the notices for <paramref name="step"/>. <paramref name="outbox"/> must already have any
    /// withdrawn notices marked superseded: the planner trusts what it says was sent or is in flight.
    /// </summary>
    /// <param name="affected">The client's services the step reaches (see <see cref="ClientExposure"/>).</param>
    /// <param name="impact">The client's open impact of this incident, for its start and title.</param>
    /// <param name="updateInterval">The promise of the next update for an open incident.</param>
    public static List<Notice> PlanIncidentStep(
        ClientDefinition client,
        IncidentStep step,
        IReadOnlyList<AffectedService> affected,
        ClientImpact impact,
        NoticeOutbox outbox,
        DateTimeOffset now,
        TimeSpan updateInterval)
    {
        var planned = new List<Notice>();
        foreach (var contact in client.Contacts)
        {
            var zone = TimeZones.Find(contact.TimeZone ?? client.TimeZone);
            foreach (var (channel, to) in contact.Channels())
            {
                if (KindFor(step, Told(outbox, step.IncidentId, contact.Id, channel), contact) is not { } kind)
                {
                    continue;
                }

                var id = NoticeId.For(step.IncidentId, kind, step.Sequence, client.Id, contact.Id, channel);
                if (outbox.Contains(id))
                {
                    continue;
                }

                var facts = new IncidentNoticeFacts(
                    id, kind, client.Id, client.Name, contact.Name, step.IncidentId, impact.Title, impact.Severity, affected,
                    impact.StartedAt, step.At, step.Resolves ? step.At : null, step.Message,
                    step.Resolves ? null : now + updateInterval, step.Resolves ? null : impact.Eta, zone);
                planned.Add(IncidentNotices.Planned(facts, contact, channel, to, step.Sequence, now));
            }
        }

        return planned;
    }

    /// <summary>What a contact has been told on a channel about an incident, counting only what was sent or is on its way.</summary>
    public static ToldState Told(NoticeOutbox outbox, string incidentId, string contactId, NoticeChannel channel)
    {
        var last = outbox.Notices.LastOrDefault(n =>
            n.SubjectId == incidentId && n.ContactId == contactId && n.Channel == channel
            && n.State is NoticeState.Sent or NoticeState.Pending
            && (n.Kind.TellsBroken() || n.Kind == NoticeKind.IncidentResolved));
        return last?.Kind switch
        {
            null => ToldState.Nothing,
            NoticeKind.IncidentResolved => ToldState.Fixed,
            _ => ToldState.Broken,
        };
    }

    private static NoticeKind? KindFor(IncidentStep step, ToldState told, Contact contact)
    {
        NoticeKind? kind = (step.Kind, told) switch
        {
            (ServiceTransitionKind.Resolve, ToldState.Broken) => NoticeKind.IncidentResolved,

            // Someone who chose to hear only of resolutions still hears of them.
            (ServiceTransitionKind.Resolve, ToldState.Nothing) when !contact.Wants(NoticeKind.IncidentDetected) => NoticeKind.IncidentResolved,
            (ServiceTransitionKind.Resolve, _) => null,
            (ServiceTransitionKind.Update, ToldState.Broken) => NoticeKind.IncidentUpdate,

            // The reporting client heard "we are checking"; now monitoring confirms it.
            (ServiceTransitionKind.Confirm, ToldState.Broken) => NoticeKind.IncidentUpdate,
            (_, ToldState.Broken) => null,
            _ => NoticeKind.IncidentDetected,
        };
        return kind is { } k && contact.Wants(k) ? k : null;
    }
}
