using System.Text.RegularExpressions;
using UptimeCoordinator.Domain.Health;

namespace UptimeCoordinator.Host.Integrations;

/// <summary>
/// How Prometheus-style alert labels (Alertmanager, Grafana) name a service and say how bad an alert is.
/// The service label each tool is configured with comes first, then <c>job</c>, then <c>instance</c>.
/// </summary>
public static partial class ServiceLabels
{
    public const string Job = "job";
    public const string Instance = "instance";
    public const string Severity = "severity";

    /// <summary>
    /// The first of <paramref name="serviceLabel"/>, <c>job</c> and <c>instance</c> with a value: that value,
    /// trimmed and lower-cased, <c>instance</c> without its <c>:port</c>. Null when none is set. A value that is
    /// no service id is returned as it is rather than falling through to the next label, which would name some
    /// other service.
    /// </summary>
    public static ServiceLabel? Find(IReadOnlyDictionary<string, string?>? labels, string serviceLabel)
    {
        foreach (var label in new[] { serviceLabel, Job, Instance }.Distinct(StringComparer.Ordinal))
        {
            if (labels?.GetValueOrDefault(label) is not { } value || string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            var id = label == Instance ? PortSuffix().Replace(value.Trim(), "") : value.Trim();
            return new ServiceLabel(label, value, id.ToLowerInvariant());
        }

        return null;
    }

    /// <summary>Why an alert without any of the labels that name a service was skipped.</summary>
    public static string NoServiceReason(string serviceLabel) =>
        $"no '{serviceLabel}', '{Job}' or '{Instance}' label names the service";

    /// <summary>
    /// The status of a firing alert: <c>warning</c> is degraded; <c>critical</c>, anything else or no severity
    /// at all is down. An alert routed to the incident coordinator is meant to page, and an unknown severity
    /// (<c>page</c>, <c>error</c>, <c>high</c>) should open an incident rather than quietly count as a slowdown.
    /// </summary>
    public static HealthStatus StatusFor(string? severity) =>
        string.Equals(severity?.Trim(), "warning", StringComparison.OrdinalIgnoreCase) ? HealthStatus.Degraded : HealthStatus.Down;

    /// <summary>The status of a firing alert with these labels; see <see cref="StatusFor(string?)"/>.</summary>
    public static HealthStatus StatusFor(IReadOnlyDictionary<string, string?>? labels) => StatusFor(labels?.GetValueOrDefault(Severity));

    [GeneratedRegex(@":[0-9]{1,5}$", RegexOptions.CultureInvariant)]
    private static partial Regex PortSuffix();
}
