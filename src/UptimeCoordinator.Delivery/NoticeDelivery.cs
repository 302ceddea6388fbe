using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Delivery;

/// <summary>
/// One planned notice handed to the dispatcher: everything needed to send it, and nothing that
/// changes between attempts, so every retry sends the same message under the same id.
/// </summary>
/// <param name="ClientId">The client whose outbox holds the notice; outcomes are reported to it.</param>
/// <param name="NoticeId">Deterministic id: the Standard Webhooks <c>webhook-id</c> and the email's Message-Id.</param>
/// <param name="To">An email address, or the webhook or Slack URL.</param>
/// <param name="ToName">The contact's display name (email only).</param>
/// <param name="Payload">The JSON body for <see cref="NoticeChannel.Webhook"/>; null for other channels.</param>
/// <param name="Secret">The contact's webhook signing secret, if any; never logged.</param>
/// <param name="Attachment">A file an email carries (a maintenance invite); ignored on other channels.</param>
/// <param name="TraceParent">The W3C traceparent of the span that planned it, so the delivery continues that trace.</param>
/// <param name="PlannedAt">When the notice was planned, moments after its event or action was accepted: where delivery latency starts.</param>
public sealed record NoticeDelivery(
    string ClientId,
    string NoticeId,
    NoticeKind Kind,
    NoticeChannel Channel,
    string To,
    string? ToName,
    NoticeContent Content,
    string? Payload,
    string? Secret,
    NoticeAttachment? Attachment = null,
    DateTimeOffset? PlannedAt = null,
    string? TraceParent = null);
