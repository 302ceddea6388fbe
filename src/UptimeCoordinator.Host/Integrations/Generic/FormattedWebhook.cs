using System.Text.Json.Serialization;

namespace UptimeCoordinator.Host.Integrations.Generic;

/// <summary>
/// Grafana OnCall's "formatted webhook": the minimal alert format many tools can emit. OnCall
/// requires none of the fields; <c>state</c> <c>ok</c> resolves, anything else alerts.
/// </summary>
public sealed record FormattedWebhook(
    [property: JsonPropertyName("alert_uid")] string? AlertUid,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("image_url")] string? ImageUrl,
    [property: JsonPropertyName("state")] string? State,
    [property: JsonPropertyName("link_to_upstream_details")] string? LinkToUpstreamDetails,
    [property: JsonPropertyName("message")] string? Message);
