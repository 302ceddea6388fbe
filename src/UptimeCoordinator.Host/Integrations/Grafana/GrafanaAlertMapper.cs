using UptimeCoordinator.Domain;
using UptimeCoordinator.Domain.Health;
using UptimeCoordinator.Host.Events;
using UptimeCoordinator.Host.Integrations.Generic;

namespace UptimeCoordinator.Host.Integrations.Grafana;

/// <summary>
/// Maps a Grafana webhook onto one health event per alert. The service comes from the service label,
/// else <c>job</c>, else the host of <c>instance</c>; label <c>severity</c> <c>warning</c> is degraded and
/// anything else firing is down; resolved is up. The check is the alert's <c>fingerprint</c> (its
/// <c>ruleUID</c> without one), so two alerts on one service are tracked apart. Grafana re-sends firing
/// alerts, so the event id is built from fingerprint, <c>startsAt</c> and status.
/// </summary>
public static class GrafanaAlertMapper
{
    public const string Source = "grafana";

    public static IReadOnlyList<MappedEvent> Map(GrafanaWebhook webhook, string serviceLabel, DateTimeOffset now, ValidationErrors errors)
    {
        if (webhook.Version is { } version && version != "1")
        {
            errors.Add("version", $"must be \"1\" (Grafana unified alerting), not \"{version}\"");
        }

        if (webhook.Alerts is null)
        {
            errors.Add("alerts", "is required");
            return [];
        }

        var events = new List<MappedEvent>(webhook.Alerts.Count);
        for (var i = 0; i < webhook.Alerts.Count; i++)
        {
            if (Map(webhook.Alerts[i], $"alerts[{i}]", serviceLabel, now, errors) is { } mapped)
            {
                events.Add(mapped);
            }
        }

        return events;
    }

    /// <summary>Why an alert without any of the labels that name a service was skipped.</summary>
    public static string NoServiceReason(string serviceLabel) =>
        $"the alert has no '{serviceLabel}', 'job' or 'instance' label to name its service";

    private static MappedEvent? Map(GrafanaAlert? alert, string item, string serviceLabel, DateTimeOffset now, ValidationErrors errors)
    {
        if (alert is null)
        {
            errors.Add(item, "must be an alert object");
            return null;
        }

        var firing = string.Equals(alert.Status, "firing", StringComparison.OrdinalIgnoreCase);
        if (!firing && !string.Equals(alert.Status, "resolved", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{item}.status", alert.Status is null ? "is required: firing or resolved" : $"must be firing or resolved, not '{alert.Status}'");
        }

        var check = NonEmpty(alert.Fingerprint) ?? NonEmpty(alert.RuleUid);
        if (check is null)
        {
            errors.Add($"{item}.fingerprint", "is required (or ruleUID) to tell this alert from others");
            return null;
        }

        var labels = alert.Labels ?? new Dictionary<string, string>();
        var startsAt = Known(alert.StartsAt);
        var observedAt = (firing ? startsAt : Known(alert.EndsAt)) ?? now;
        var status = firing ? StatusFor(labels.GetValueOrDefault("severity")) : HealthStatus.Up;
        return new MappedEvent(item, new HealthEventRequest(
            ServiceIdFrom(labels, serviceLabel),
            status,
            // A tool whose clock runs ahead must not have its alerts refused; they happened by now at the latest.
            observedAt > now ? now : observedAt,
            Source,
            check,
            ToolPayloadJson.Truncate(MessageFor(alert, labels), HealthEventBatchReader.MaxTextLength),
            startsAt is { } start ? $"{Source}:{check}:{start.ToUnixTimeMilliseconds()}:{(firing ? "firing" : "resolved")}" : null));
    }

    /// <summary><c>critical</c> (or no severity) is down, <c>warning</c> is degraded; any other severity is taken as down.</summary>
    public static HealthStatus StatusFor(string? severity) =>
        string.Equals(severity?.Trim(), "warning", StringComparison.OrdinalIgnoreCase) ? HealthStatus.Degraded : HealthStatus.Down;

    /// <summary>The service label, else <c>job</c>, else the host of <c>instance</c> (without its port), lower-cased.</summary>
    public static string? ServiceIdFrom(IReadOnlyDictionary<string, string> labels, string serviceLabel)
    {
        if ((NonEmpty(labels.GetValueOrDefault(serviceLabel)) ?? NonEmpty(labels.GetValueOrDefault("job"))) is { } named)
        {
            return named.ToLowerInvariant();
        }

        if (NonEmpty(labels.GetValueOrDefault("instance")) is not { } instance)
        {
            return null;
        }

        var colon = instance.LastIndexOf(':');
        var host = colon > 0 && instance[(colon + 1)..].All(char.IsAsciiDigit) ? instance[..colon] : instance;
        return host.ToLowerInvariant();
    }

    private static string? MessageFor(GrafanaAlert alert, Dictionary<string, string> labels) =>
        NonEmpty(alert.Annotations?.GetValueOrDefault("summary"))
        ?? NonEmpty(alert.Annotations?.GetValueOrDefault("description"))
        ?? NonEmpty(labels.GetValueOrDefault("alertname"));

    // Go's zero time stands for "not set" in Grafana's payloads.
    private static DateTimeOffset? Known(DateTimeOffset? time) => time is { Year: > 1 } known ? known : null;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
