using System.Text.Json.Serialization;

namespace UptimeCoordinator.Host.Integrations.PagerDuty;

/// <summary>
/// An event in PagerDuty's Events API v2 shape (<c>POST /v2/enqueue</c>). <c>routing_key</c> is the
/// integration key; here it may be one of our API keys, and authorises the sender.
/// </summary>
public sealed record PagerDutyEvent(
    [property: JsonPropertyName("routing_key")] string? RoutingKey,
    [property: JsonPropertyName("event_action")] string? EventAction,
    [property: JsonPropertyName("dedup_key")] string? DedupKey,
    [property: JsonPropertyName("payload")] PagerDutyPayload? Payload,
    [property: JsonPropertyName("client")] string? Client,
    [property: JsonPropertyName("client_url")] string? ClientUrl);
