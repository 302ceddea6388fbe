using System.Globalization;
using UptimeCoordinator.Domain;
using UptimeCoordinator.Domain.Health;
using UptimeCoordinator.Domain.Services;
using UptimeCoordinator.Host.Events;

namespace UptimeCoordinator.Host.Integrations.Alertmanager;

/// <summary>
/// Maps an Alertmanager notification onto health events, one per alert. The check is the alert's
/// fingerprint, so two alerts on one service are tracked apart and the service is up only when
/// all of them have resolved. Alerts that cannot name a service or lack what an event needs are
/// skipped with a reason rather than failing the notification: Alertmanager cannot fix them by
/// retrying.
/// </summary>
public sealed class AlertmanagerMapper(string serviceLabel)
{
    public const string Source = "alertmanager";

    /// <summary>The label read first for the service id.</summary>
    public string ServiceLabel => serviceLabel;

    /// <summary>
    /// Checks the envelope (version "4", at least one alert) into <paramref name="errors"/>, and
    /// when it is sound maps each alert.
    /// </summary>
    public ToolMapping Map(AlertmanagerPayload payload, ValidationErrors errors)
    {
        if (payload.Version != AlertmanagerPayload.SupportedVersion)
        {
            errors.Add("version", payload.Version is null
                ? $"is required: Alertmanager's webhook payload version, \"{AlertmanagerPayload.SupportedVersion}\""
                : $"must be \"{AlertmanagerPayload.SupportedVersion}\", not \"{payload.Version}\"");
        }

        if (payload.Alerts is not { Count: > 0 })
        {
            errors.Add("alerts", "must hold at least one alert");
        }

        if (!errors.IsValid)
        {
            return ToolMapping.Empty;
        }

        var mapping = new ToolMappingBuilder(BadItems.Skip, errors);
        for (var i = 0; i < payload.Alerts!.Count; i++)
        {
            MapAlert(payload.Alerts[i], $"alerts[{i}]", mapping);
        }

        return mapping.Build();
    }

    private void MapAlert(AlertmanagerAlert? alert, string item, ToolMappingBuilder mapping)
    {
        if (alert is null)
        {
            mapping.Bad(item, "", null, "the alert is null");
            return;
        }

        if (string.IsNullOrEmpty(alert.Fingerprint))
        {
            mapping.Bad(item, "fingerprint", null, "the alert has no fingerprint");
            return;
        }

        if (ToolPayloadJson.Known(alert.StartsAt) is not { } startsAt)
        {
            mapping.Bad(item, "startsAt", alert.Fingerprint, "the alert has no startsAt");
            return;
        }

        (HealthStatus Status, DateTimeOffset ObservedAt)? observation = alert.Status switch
        {
            AlertmanagerAlert.Firing => (ServiceLabels.StatusFor(alert.Labels), startsAt),
            AlertmanagerAlert.Resolved when ToolPayloadJson.Known(alert.EndsAt) is { } endsAt => (HealthStatus.Up, endsAt),
            _ => null,
        };
        if (observation is not (var status, var observedAt))
        {
            mapping.Bad(item, "status", alert.Fingerprint, alert.Status == AlertmanagerAlert.Resolved
                ? "the resolved alert has no endsAt"
                : $"status must be \"{AlertmanagerAlert.Firing}\" or \"{AlertmanagerAlert.Resolved}\", not \"{alert.Status}\"");
            return;
        }

        if (ServiceLabels.Find(alert.Labels, serviceLabel) is not { } service)
        {
            mapping.Bad(item, "labels", alert.Fingerprint, ServiceLabels.NoServiceReason(serviceLabel));
            return;
        }

        if (!ServiceId.IsValid(service.ServiceId))
        {
            mapping.Bad(item, "labels", alert.Fingerprint,
                $"label '{service.Label}' is \"{service.Value}\", which is not a service id ({ServiceId.Pattern})");
            return;
        }

        // Alertmanager retries a failed notification and repeats unresolved ones; all of these
        // carry the same fingerprint, startsAt and status, so they are one event to us.
        var eventId = string.Create(CultureInfo.InvariantCulture, $"am:{alert.Fingerprint}:{startsAt.UtcDateTime:O}:{alert.Status}");
        mapping.Add(item, new HealthEventRequest(service.ServiceId, status, observedAt, Source, alert.Fingerprint, MessageOf(alert), eventId));
    }

    private static string? MessageOf(AlertmanagerAlert alert)
    {
        var text = new[] { "summary", "description" }
            .Select(a => alert.Annotations?.GetValueOrDefault(a))
            .FirstOrDefault(t => !string.IsNullOrWhiteSpace(t))
            ?? alert.Labels?.GetValueOrDefault("alertname");
        return text?.Length > HealthEventBatchReader.MaxTextLength ? text[..HealthEventBatchReader.MaxTextLength] : text;
    }
}
