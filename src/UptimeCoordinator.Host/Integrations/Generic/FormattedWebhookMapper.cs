using UptimeCoordinator.Domain;
using UptimeCoordinator.Domain.Health;
using UptimeCoordinator.Host.Events;

namespace UptimeCoordinator.Host.Integrations.Generic;

/// <summary>
/// Maps a formatted webhook onto one health event for the service its URL names: <c>alerting</c> (or no
/// state, as OnCall treats it) is down, <c>ok</c> is up; the check is <c>alert_uid</c>.
/// </summary>
public static class FormattedWebhookMapper
{
    public const string Source = "formatted-webhook";

    public static HealthEventRequest? Map(FormattedWebhook webhook, string serviceId, DateTimeOffset now, ValidationErrors errors)
    {
        HealthStatus? status = webhook.State?.Trim().ToUpperInvariant() switch
        {
            null or "ALERTING" => HealthStatus.Down,
            "OK" => HealthStatus.Up,
            _ => null,
        };
        if (status is null)
        {
            // OnCall would alert on any other value; a state we do not understand is better refused than guessed.
            errors.Add("state", $"must be ok or alerting, not '{webhook.State}'");
            return null;
        }

        return new HealthEventRequest(
            serviceId,
            status,
            now,
            Source,
            string.IsNullOrWhiteSpace(webhook.AlertUid) ? null : webhook.AlertUid.Trim(),
            ToolPayloadJson.Truncate(webhook.Title ?? webhook.Message, HealthEventBatchReader.MaxTextLength),
            null);
    }
}
