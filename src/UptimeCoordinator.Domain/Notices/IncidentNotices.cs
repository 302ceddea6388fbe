using UptimeCoordinator.Domain.Clients;

namespace UptimeCoordinator.Domain.Notices;

/// <summary>Turns the facts of one incident notice into the notice: rendered once, with its webhook body, pending.</summary>
public static class IncidentNotices
{
    public static Notice Planned(IncidentNoticeFacts facts, Contact contact, NoticeChannel channel, string to, long sequence, DateTimeOffset now)
    {
        var content = IncidentNoticeText.Render(facts);
        var payload = channel == NoticeChannel.Webhook ? IncidentNoticePayload.Json(facts, content) : null;
        return Notice.Planned(facts.NoticeId, facts.Kind, channel, contact, facts.IncidentId, sequence, to, content, payload, now, facts.TimeZone);
    }
}
