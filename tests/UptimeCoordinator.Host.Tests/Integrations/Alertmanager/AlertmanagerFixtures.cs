using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using UptimeCoordinator.Host.Integrations;
using UptimeCoordinator.Host.Integrations.Alertmanager;

namespace UptimeCoordinator.Host.Tests.Integrations.Alertmanager;

/// <summary>
/// Webhook bodies that Debian's prometheus-alertmanager 0.25 posted to a capture listener, saved
/// byte for byte in <c>Fixtures/</c> and read from beside this source file. Alertmanager ran with
/// the CHECKED.md route (group_by alertname and service, group_wait 0s); alerts went in through
/// its <c>/api/v2/alerts</c>:
/// <list type="bullet">
/// <item><see cref="FiringTwoAlerts"/>: HighErrorRate on service "checkout", one alert critical on
/// checkout-1, one warning on checkout-2, startsAt given by the poster.</item>
/// <item><see cref="ResolvedTwoAlerts"/>: the same two alerts re-posted with endsAt in the past.</item>
/// <item><see cref="FiringLabelFallbacks"/>: TargetDown without a service label: job "Billing
/// Batch" (not a slug), job "Payments" with an instance, and only instance "ledger-db:9187" with
/// severity "page"; startsAt set by Alertmanager, with nanoseconds.</item>
/// </list>
/// </summary>
public static class AlertmanagerFixtures
{
    public const string FiringTwoAlerts = "firing-two-alerts.json";
    public const string ResolvedTwoAlerts = "resolved-two-alerts.json";
    public const string FiringLabelFallbacks = "firing-label-fallbacks.json";

    /// <summary>The fingerprints Alertmanager gave the two HighErrorRate alerts (critical, warning).</summary>
    public const string CriticalFingerprint = "3674736a37fc8008";
    public const string WarningFingerprint = "8eda6567518a3062";

    public static string Text(string name) => File.ReadAllText(Path.Combine(SourceDirectory(), "Fixtures", name));

    /// <summary>The fixture read as the endpoint reads it.</summary>
    public static AlertmanagerPayload Payload(string name) => Parse(Text(name));

    public static AlertmanagerPayload Parse(string json) =>
        JsonSerializer.Deserialize<AlertmanagerPayload>(json, ToolPayloadJson.Options)
        ?? throw new InvalidOperationException("the payload is null");

    /// <summary>The fixture as a tree, to change one thing about it.</summary>
    public static JsonObject Node(string name) => JsonNode.Parse(Text(name))!.AsObject();

    /// <summary>
    /// The fixture about <paramref name="serviceId"/> (set as its <c>service</c> label) and moved
    /// to yesterday at the same time of day: the host refuses observations from the future, and the
    /// capture's clock need not match this one. Whole days keep one alert's startsAt the same in
    /// every fixture a test posts, as it is in Alertmanager's notifications.
    /// </summary>
    public static string Recent(string name, string serviceId)
    {
        var root = Node(name);
        var alerts = root["alerts"]!.AsArray().Select(a => a!.AsObject()).ToList();
        var captured = alerts.Select(a => Time(a, "startsAt")).OfType<DateTimeOffset>().Min().UtcDateTime.Date;
        var shift = DateTime.UtcNow.Date.AddDays(-1) - captured;
        foreach (var alert in alerts)
        {
            foreach (var field in new[] { "startsAt", "endsAt" })
            {
                if (Time(alert, field) is { } time)
                {
                    alert[field] = (time + shift).ToString("O", CultureInfo.InvariantCulture);
                }
            }

            alert["labels"]!["service"] = serviceId;
        }

        return root.ToJsonString();
    }

    private static DateTimeOffset? Time(JsonObject alert, string field) =>
        alert[field]?.GetValue<DateTimeOffset>() is { Year: > 1 } time ? time : null;

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
