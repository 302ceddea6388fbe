using System.Text.Json;
using System.Text.Json.Serialization;

namespace UptimeCoordinator.Host.Integrations.PagerDuty;

/// <summary>
/// The <c>payload</c> of a PagerDuty trigger: <c>summary</c>, <c>source</c> and <c>severity</c> are
/// required. <c>timestamp</c> stays text because PagerDuty's own examples write offsets as <c>+0000</c>.
/// </summary>
public sealed record PagerDutyPayload(
    [property: JsonPropertyName("summary")] string? Summary,
    [property: JsonPropertyName("source")] string? Source,
    [property: JsonPropertyName("severity")] string? Severity,
    [property: JsonPropertyName("timestamp")] string? Timestamp,
    [property: JsonPropertyName("component")] string? Component,
    [property: JsonPropertyName("group")] string? Group,
    [property: JsonPropertyName("class")] string? Class,
    [property: JsonPropertyName("custom_details")] JsonElement? CustomDetails);
