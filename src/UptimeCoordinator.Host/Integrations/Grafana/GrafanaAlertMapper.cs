using UptimeCoordinator.Domain;
using UptimeCoordinator.Domain.Health;
using UptimeCoordinator.Host.Events;

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

    public static ToolMapping Map(GrafanaWebhook webhook, string serviceLabel, DateTimeOffset now, ValidationErrors errors)
    {
        if (webhook.Version is { } version && version != "1")
        {
            errors.Add("version", $"must be \"1\" (Grafana unified alerting), not \"{version}\"");
        }

        if (webhook.Alerts is null)
        {
            errors.Add("alerts", "is required");
            return ToolMapping.Empty;
        }

        // An alert Grafana itself could not have sent refuses the payload; one naming no known service is skipped later.
        var mapping = new ToolMappingBuilder(BadItems.Reject, errors);
        for (var i = 0; i < webhook.Alerts.Count; i++)
        {
            Map(webhook.Alerts[i], $"alerts[{i}]", serviceLabel, now, mapping);
        }

        return mapping.Build();
    }

    private static void Map(GrafanaAlert? alert, string item, string serviceLabel, DateTimeOffset now, ToolMappingBuilder mapping)
    {
        if (alert is null)
        {
            mapping.Bad(item, "", null, "must be an alert object");
            return;
        }

        var firing = string.Equals(alert.Status, "firing", StringComparison.OrdinalIgnoreCase);
        if (!firing && !string.Equals(alert.Status, "resolved", StringComparison.OrdinalIgnoreCase))
        {
            mapping.Bad(item, "status", null, alert.Status is null ? "is required: firing or resolved" : $"must be firing or resolved, not '{alert.Status}'");
        }

        var check = NonEmpty(alert.Fingerprint) ?? NonEmpty(alert.RuleUid);
        if (check is null)
        {
            mapping.Bad(item, "fingerprint", null, "is required (or ruleUID) to tell this alert from others");
            return;
        }

        var startsAt = ToolPayloadJson.Known(alert.StartsAt);
        var observedAt = (firing ? startsAt : ToolPayloadJson.Known(alert.EndsAt)) ?? now;
        var status = firing ? ServiceLabels.StatusFor(alert.Labels) : HealthStatus.Up;
        mapping.Add(item, new HealthEventRequest(
            ServiceLabels.Find(alert.Labels, serviceLabel)?.ServiceId,
            status,
            // A tool whose clock runs ahead must not have its alerts refused; they happened by now at the latest.
            observedAt > now ? now : observedAt,
            Source,
            check,
            ToolPayloadJson.Truncate(MessageFor(alert), HealthEventBatchReader.MaxTextLength),
            startsAt is { } start ? $"{Source}:{check}:{start.ToUnixTimeMilliseconds()}:{(firing ? "firing" : "resolved")}" : null));
    }

    private static string? MessageFor(GrafanaAlert alert) =>
        NonEmpty(alert.Annotations?.GetValueOrDefault("summary"))
        ?? NonEmpty(alert.Annotations?.GetValueOrDefault("description"))
        ?? NonEmpty(alert.Labels?.GetValueOrDefault("alertname"));

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
