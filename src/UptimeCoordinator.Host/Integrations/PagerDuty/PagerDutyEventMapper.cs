using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using UptimeCoordinator.Domain;
using UptimeCoordinator.Domain.Health;
using UptimeCoordinator.Domain.Services;
using UptimeCoordinator.Host.Events;

namespace UptimeCoordinator.Host.Integrations.PagerDuty;

/// <summary>
/// Validates PagerDuty events as PagerDuty does and maps them onto health events. The service is
/// <c>payload.component</c>, else <c>payload.source</c>, lower-cased; the check is the dedup key.
/// Severity <c>critical</c> and <c>error</c> are down; <c>warning</c> and <c>info</c> are degraded, since
/// PagerDuty has no severity for "not a problem": a resolve is what says up.
/// </summary>
public static class PagerDutyEventMapper
{
    public const string Source = "pagerduty";
    public const int MaxDedupKeyLength = 255;
    public const int MaxSummaryLength = 1024;

    /// <summary>The event's action, or null with the reasons in <paramref name="errors"/>.</summary>
    public static PagerDutyAction? Validate(PagerDutyEvent pagerDutyEvent, ValidationErrors errors)
    {
        PagerDutyAction? action = pagerDutyEvent.EventAction?.Trim().ToUpperInvariant() switch
        {
            "TRIGGER" => PagerDutyAction.Trigger,
            "ACKNOWLEDGE" => PagerDutyAction.Acknowledge,
            "RESOLVE" => PagerDutyAction.Resolve,
            _ => null,
        };
        if (action is null)
        {
            errors.Add("event_action", pagerDutyEvent.EventAction is null
                ? "is required: trigger, acknowledge or resolve"
                : $"must be trigger, acknowledge or resolve, not '{pagerDutyEvent.EventAction}'");
        }

        if (pagerDutyEvent.DedupKey?.Length > MaxDedupKeyLength)
        {
            errors.Add("dedup_key", $"must be at most {MaxDedupKeyLength} characters");
        }
        else if (action is PagerDutyAction.Acknowledge or PagerDutyAction.Resolve && string.IsNullOrEmpty(pagerDutyEvent.DedupKey))
        {
            errors.Add("dedup_key", "is required to acknowledge or resolve");
        }

        if (action == PagerDutyAction.Trigger)
        {
            ValidateTrigger(pagerDutyEvent.Payload, errors);
        }

        return errors.IsValid ? action : null;
    }

    /// <summary>The event a validated trigger stands for.</summary>
    public static HealthEventRequest Trigger(PagerDutyPayload payload, string dedupKey, DateTimeOffset now) => new(
        ServiceIdFrom(payload),
        StatusFor(payload.Severity),
        ObservedAt(payload.Timestamp, now),
        Source,
        CheckFor(dedupKey),
        ToolPayloadJson.Truncate(payload.Summary, HealthEventBatchReader.MaxTextLength),
        null);

    /// <summary>The up event a resolve stands for, on the service and check its dedup key was triggered for.</summary>
    public static HealthEventRequest Resolve(string serviceId, string check, PagerDutyPayload? payload, DateTimeOffset now) => new(
        serviceId,
        HealthStatus.Up,
        ObservedAt(payload?.Timestamp, now),
        Source,
        check,
        ToolPayloadJson.Truncate(payload?.Summary, HealthEventBatchReader.MaxTextLength),
        null);

    public static HealthStatus? StatusFor(string? severity) => severity?.Trim().ToUpperInvariant() switch
    {
        "CRITICAL" or "ERROR" => HealthStatus.Down,
        "WARNING" or "INFO" => HealthStatus.Degraded,
        _ => null,
    };

    public static string? ServiceIdFrom(PagerDutyPayload payload) =>
        (NonEmpty(payload.Component) ?? NonEmpty(payload.Source))?.ToLowerInvariant();

    /// <summary>The dedup key itself, or a digest of it when it is longer than a check name may be.</summary>
    public static string CheckFor(string dedupKey) =>
        dedupKey.Length <= HealthEventBatchReader.MaxIdLength
            ? dedupKey
            : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dedupKey)));

    /// <summary>Who an acknowledgement is recorded as: the sending system, never the routing key, which is a credential.</summary>
    public static string ActorFor(PagerDutyEvent pagerDutyEvent) =>
        (NonEmpty(pagerDutyEvent.Payload?.Source) ?? NonEmpty(pagerDutyEvent.Client)) is { } sender ? $"{Source}:{sender}" : Source;

    private static void ValidateTrigger(PagerDutyPayload? payload, ValidationErrors errors)
    {
        if (payload is null)
        {
            errors.Add("payload", "is required to trigger");
            return;
        }

        if (string.IsNullOrWhiteSpace(payload.Summary))
        {
            errors.Add("payload.summary", "is required");
        }
        else if (payload.Summary.Length > MaxSummaryLength)
        {
            errors.Add("payload.summary", $"must be at most {MaxSummaryLength} characters");
        }

        if (StatusFor(payload.Severity) is null)
        {
            errors.Add("payload.severity", payload.Severity is null
                ? "is required: critical, error, warning or info"
                : $"must be critical, error, warning or info, not '{payload.Severity}'");
        }

        if (payload.Timestamp is { } timestamp && !TryParseTime(timestamp, out _))
        {
            errors.Add("payload.timestamp", $"'{timestamp}' is not an ISO 8601 date and time");
        }

        var field = NonEmpty(payload.Component) is null ? "payload.source" : "payload.component";
        if (ServiceIdFrom(payload) is not { } serviceId)
        {
            errors.Add("payload.source", "is required");
        }
        else if (!ServiceId.IsValid(serviceId))
        {
            errors.Add(field, $"names service '{serviceId}', which is not a valid service id ({ServiceId.Pattern})");
        }
    }

    private static DateTimeOffset ObservedAt(string? timestamp, DateTimeOffset now) =>
        timestamp is not null && TryParseTime(timestamp, out var at) && at <= now ? at : now;

    private static bool TryParseTime(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
