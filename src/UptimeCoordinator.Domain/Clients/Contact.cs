using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Domain.Clients;

/// <summary>
/// A person or system of a client that receives notices, on every channel it gives. <see cref="Stages"/>
/// null means every stage; <see cref="TimeZone"/> null means the client's zone.
/// </summary>
public sealed record Contact(
    string Id,
    string Name,
    string? Email,
    string? WebhookUrl,
    string? WebhookSecret,
    string? SlackWebhookUrl,
    IReadOnlyList<NoticeKind>? Stages,
    QuietHours? QuietHours,
    string? TimeZone)
{
    public bool Wants(NoticeKind kind) => Stages is null || Stages.Contains(kind);

    /// <summary>Each channel this contact can be reached on, with its address.</summary>
    public IEnumerable<(NoticeChannel Channel, string To)> Channels()
    {
        if (Email is { } email)
        {
            yield return (NoticeChannel.Email, email);
        }

        if (WebhookUrl is { } webhook)
        {
            yield return (NoticeChannel.Webhook, webhook);
        }

        if (SlackWebhookUrl is { } slack)
        {
            yield return (NoticeChannel.Slack, slack);
        }
    }
}
