using System.Text.Json.Serialization;

namespace UptimeCoordinator.Host.Integrations.Alertmanager;

/// <summary>
/// The body Prometheus Alertmanager's webhook receiver posts: one notification for one alert
/// group, payload <c>version</c> "4". Fields newer than 0.25 (<c>routeLabels</c>,
/// <c>notification_reason</c>, …) are not modelled; <see cref="ToolPayloadJson"/> reads past them.
/// </summary>
public sealed record AlertmanagerPayload(
    string? Version,
    string? GroupKey,
    int? TruncatedAlerts,
    string? Status,
    string? Receiver,
    IReadOnlyDictionary<string, string?>? GroupLabels,
    IReadOnlyDictionary<string, string?>? CommonLabels,
    IReadOnlyDictionary<string, string?>? CommonAnnotations,
    [property: JsonPropertyName("externalURL")] string? ExternalUrl,
    IReadOnlyList<AlertmanagerAlert?>? Alerts)
{
    /// <summary>The only payload version this endpoint understands.</summary>
    public const string SupportedVersion = "4";
}
