using System.Text.Json;
using System.Text.Json.Serialization;

namespace UptimeCoordinator.Host.Integrations.Alertmanager;

/// <summary>
/// The body Prometheus Alertmanager's webhook receiver posts: one notification for one alert
/// group, payload <c>version</c> "4". Fields newer than 0.25 (<c>routeLabels</c>,
/// <c>notification_reason</c>, …) are not modelled; they are read past, not rejected.
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

    /// <summary>
    /// How the payload is read. The app's own options reject unknown fields; Alertmanager adds
    /// fields between releases and cannot be told to stop, so its payload is read past them.
    /// </summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };
}
