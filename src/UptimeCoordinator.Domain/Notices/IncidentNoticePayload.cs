using System.Buffers;
using System.Text;
using System.Text.Json;

namespace UptimeCoordinator.Domain.Notices;

/// <summary>
/// The JSON body of a webhook notice in the Standard Webhooks envelope:
/// <c>{"type", "timestamp", "data": {...}}</c>, camelCase, times in UTC as RFC 3339 with an offset.
/// </summary>
public static class IncidentNoticePayload
{
    // The body is signed and every retry must send the same bytes, so it is written field by field in a fixed
    // order: no property-order, naming-policy or indentation setting can change it. The default encoder escapes
    // HTML-sensitive and non-ASCII characters, which is valid JSON and safe wherever a receiver shows it.
    private static readonly JsonWriterOptions Options = new() { Indented = false };

    /// <summary>The webhook body for <paramref name="facts"/>, carrying the rendered subject and text.</summary>
    public static string Json(IncidentNoticeFacts facts, NoticeContent content)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(content);

        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("type", facts.Kind.WireName());
            json.WriteString("timestamp", facts.At.ToUniversalTime());
            json.WriteStartObject("data");
            json.WriteString("noticeId", facts.NoticeId);
            json.WriteString("clientId", facts.ClientId);
            json.WriteString("incidentId", facts.IncidentId);
            json.WriteString("title", facts.IncidentTitle);

            // The enums carry their wire names as attributes; serializing them keeps that one source of truth.
            json.WritePropertyName("severity");
            JsonSerializer.Serialize(json, facts.Severity);
            json.WriteStartArray("affectedServices");
            foreach (var service in facts.AffectedServices)
            {
                json.WriteStartObject();
                json.WriteString("serviceId", service.ServiceId);
                json.WriteString("name", service.Name);
                json.WritePropertyName("status");
                JsonSerializer.Serialize(json, service.Status);
                json.WriteString("via", service.ViaServiceId);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteTime(json, "startedAt", facts.StartedAt);
            WriteTime(json, "resolvedAt", facts.ResolvedAt);
            WriteTime(json, "nextUpdateBy", facts.NextUpdateBy);
            WriteTime(json, "eta", facts.Eta);
            json.WriteString("message", facts.Message);
            json.WriteString("subject", content.Subject);
            json.WriteString("text", content.Text);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            json.WriteString(name, time.ToUniversalTime());
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
