using System.Globalization;
using System.Text.RegularExpressions;
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
public sealed partial class AlertmanagerMapper(string serviceLabel)
{
    public const string Source = "alertmanager";

    private const string JobLabel = "job";
    private const string InstanceLabel = "instance";
    private const string SeverityLabel = "severity";

    /// <summary>
    /// Checks the envelope (version "4", at least one alert) into <paramref name="errors"/>, and
    /// when it is sound maps each alert.
    /// </summary>
    public AlertmanagerMapping Map(AlertmanagerPayload payload, ValidationErrors errors)
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
            return AlertmanagerMapping.Empty;
        }

        var events = new List<MappedAlert>();
        var skipped = new List<SkippedAlert>();
        for (var i = 0; i < payload.Alerts!.Count; i++)
        {
            var alert = payload.Alerts[i];
            var (health, whySkipped) = MapAlert(alert);
            if (health is not null)
            {
                events.Add(new MappedAlert(i, health.Check!, health));
            }
            else
            {
                skipped.Add(new SkippedAlert(i, alert?.Fingerprint, whySkipped!));
            }
        }

        return new AlertmanagerMapping(events, skipped);
    }

    private (HealthEventRequest? Event, string? WhySkipped) MapAlert(AlertmanagerAlert? alert)
    {
        if (alert is null)
        {
            return (null, "the alert is null");
        }

        if (string.IsNullOrEmpty(alert.Fingerprint))
        {
            return (null, "the alert has no fingerprint");
        }

        if (Known(alert.StartsAt) is not { } startsAt)
        {
            return (null, "the alert has no startsAt");
        }

        (HealthStatus Status, DateTimeOffset ObservedAt)? observation = alert.Status switch
        {
            AlertmanagerAlert.Firing => (SeverityOf(alert.Labels), startsAt),
            AlertmanagerAlert.Resolved when Known(alert.EndsAt) is { } endsAt => (HealthStatus.Up, endsAt),
            _ => null,
        };
        if (observation is not (var status, var observedAt))
        {
            return (null, alert.Status == AlertmanagerAlert.Resolved
                ? "the resolved alert has no endsAt"
                : $"status must be \"{AlertmanagerAlert.Firing}\" or \"{AlertmanagerAlert.Resolved}\", not \"{alert.Status}\"");
        }

        var (serviceId, whyNoService) = ServiceIdOf(alert.Labels);
        if (serviceId is null)
        {
            return (null, whyNoService);
        }

        // Alertmanager retries a failed notification and repeats unresolved ones; all of these
        // carry the same fingerprint, startsAt and status, so they are one event to us.
        var eventId = string.Create(CultureInfo.InvariantCulture, $"am:{alert.Fingerprint}:{startsAt.UtcDateTime:O}:{alert.Status}");
        return (new HealthEventRequest(serviceId, status, observedAt, Source, alert.Fingerprint, MessageOf(alert), eventId), null);
    }

    /// <summary>
    /// The configured label, else <c>job</c>, else <c>instance</c> without its port: the first of
    /// them present decides, lower-cased. A value that is no service id skips the alert rather than
    /// falling through to the next label, which would name some other service.
    /// </summary>
    private (string? ServiceId, string? WhyNot) ServiceIdOf(IReadOnlyDictionary<string, string?>? labels)
    {
        foreach (var label in new[] { serviceLabel, JobLabel, InstanceLabel }.Distinct(StringComparer.Ordinal))
        {
            if (labels?.GetValueOrDefault(label) is not { } value || string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            var id = (label == InstanceLabel ? PortSuffix().Replace(value.Trim(), "") : value.Trim()).ToLowerInvariant();
            return ServiceId.IsValid(id)
                ? (id, null)
                : (null, $"label '{label}' is \"{value}\", which is not a service id ({ServiceId.Pattern})");
        }

        return (null, $"no '{serviceLabel}', '{JobLabel}' or '{InstanceLabel}' label names the service");
    }

    /// <summary>
    /// <c>critical</c> is down and <c>warning</c> degraded. Anything else, or no severity at all,
    /// is down: an alert routed to the incident coordinator is meant to page, and an unknown
    /// severity (<c>page</c>, <c>error</c>, <c>high</c>) should open an incident rather than
    /// quietly count as a slowdown.
    /// </summary>
    private static HealthStatus SeverityOf(IReadOnlyDictionary<string, string?>? labels) =>
        labels?.GetValueOrDefault(SeverityLabel)?.Trim().ToLowerInvariant() switch
        {
            "critical" => HealthStatus.Down,
            "warning" => HealthStatus.Degraded,
            _ => HealthStatus.Down,
        };

    private static string? MessageOf(AlertmanagerAlert alert)
    {
        var text = new[] { "summary", "description" }
            .Select(a => alert.Annotations?.GetValueOrDefault(a))
            .FirstOrDefault(t => !string.IsNullOrWhiteSpace(t))
            ?? alert.Labels?.GetValueOrDefault("alertname");
        return text?.Length > HealthEventBatchReader.MaxTextLength ? text[..HealthEventBatchReader.MaxTextLength] : text;
    }

    // Go writes an unset time as 0001-01-01T00:00:00Z.
    private static DateTimeOffset? Known(DateTimeOffset? time) => time is { Year: > 1 } ? time : null;

    [GeneratedRegex(@":[0-9]{1,5}$", RegexOptions.CultureInvariant)]
    private static partial Regex PortSuffix();
}
