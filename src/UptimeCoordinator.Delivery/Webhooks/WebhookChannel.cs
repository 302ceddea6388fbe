using System.Globalization;
using System.Text;
using UptimeCoordinator.Delivery.Dispatching;
using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Delivery.Webhooks;

/// <summary>
/// Posts the notice's JSON payload, signed the Standard Webhooks way when the contact has a secret.
/// Every attempt sends the same id and the same bytes; only the timestamp (and so the signature) moves.
/// </summary>
internal sealed class WebhookChannel(HttpNoticePoster poster, TimeProvider time) : IDeliveryChannel
{
    public NoticeChannel Channel => NoticeChannel.Webhook;

    public string? Unconfigured => null;

    public string EndpointOf(NoticeDelivery delivery) => HttpNoticePoster.EndpointOf(delivery.To);

    public async Task<AttemptResult> SendAsync(NoticeDelivery delivery, CancellationToken cancellationToken)
    {
        if (!HttpNoticePoster.TryGetTarget(delivery.To, out var target))
        {
            return AttemptResult.Permanent("the webhook URL is not an absolute http or https URL");
        }

        if (delivery.Payload is null)
        {
            return AttemptResult.Permanent("the webhook notice has no payload");
        }

        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, target)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("webhook-id", delivery.NoticeId);
        request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(delivery.Secret))
        {
            try
            {
                request.Headers.TryAddWithoutValidation(
                    "webhook-signature", StandardWebhookSignature.Sign(delivery.NoticeId, timestamp, delivery.Payload, delivery.Secret));
            }
            catch (FormatException)
            {
                return AttemptResult.Permanent($"the webhook secret starts with {StandardWebhookSignature.SecretPrefix} but the rest is not base64");
            }
        }

        return await poster.PostAsync(request, cancellationToken);
    }
}
