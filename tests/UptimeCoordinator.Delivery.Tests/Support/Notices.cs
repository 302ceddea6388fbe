using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Delivery.Tests.Support;

/// <summary>Notices as the planner hands them over, with ids in the planner's shape.</summary>
internal static class Notices
{
    public const string ClientId = "client-a";

    public static readonly NoticeContent Content = new(
        "Checkout is down",
        "Checkout has been down since 09:00 UTC.\nWe are on it; next update by 09:30 UTC.",
        "<p>Checkout has been down since <b>09:00 UTC</b>.</p><p>We are on it.</p>");

    public static string NewId(string channel) =>
        $"inc-{Guid.NewGuid():N}:incident.detected:1:{ClientId}:contact-b:{channel}";

    public static NoticeDelivery Email(string to = "ada@client.example", string? toName = "Ada Lovelace") =>
        new(ClientId, NewId("email"), NoticeKind.IncidentDetected, NoticeChannel.Email, to, toName, Content, null, null);

    public static NoticeDelivery Webhook(Uri url, string? secret = null) => Webhook(url, secret, PayloadFor("webhook"));

    public static NoticeDelivery Webhook(Uri url, string? secret, string payload) =>
        new(ClientId, NewId("webhook"), NoticeKind.IncidentDetected, NoticeChannel.Webhook, url.ToString(), null, Content, payload, secret);

    public static NoticeDelivery Slack(Uri url, NoticeContent? content = null) =>
        new(ClientId, NewId("slack"), NoticeKind.IncidentDetected, NoticeChannel.Slack, url.ToString(), null, content ?? Content, null, null);

    private static string PayloadFor(string channel) =>
        $$"""{"type":"incident.detected","channel":"{{channel}}","title":"Checkout is down","note":"caf\u00e9 \u2013 \"quoted\""}""";
}
