using System.Text.Json.Serialization;

namespace UptimeCoordinator.Host.Integrations.PagerDuty;

/// <summary>The <c>202</c> body, as PagerDuty answers it: <c>{status, message, dedup_key}</c>.</summary>
public sealed record PagerDutyAccepted(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("dedup_key")] string DedupKey)
{
    public const string Processed = "Event processed";

    public static PagerDutyAccepted Success(string dedupKey, string message = Processed) => new("success", message, dedupKey);
}
