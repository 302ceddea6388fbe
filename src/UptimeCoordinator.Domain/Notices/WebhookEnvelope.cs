using System.Buffers;
using System.Text;
using System.Text.Json;

namespace UptimeCoordinator.Domain.Notices;

/// <summary>
/// The body of every webhook notice in the Standard Webhooks envelope:
/// <c>{"type", "timestamp", "data": {"noticeId", "clientId", …, "subject", "text"}}</c>, camelCase,
/// times in UTC as RFC 3339 with an offset.
/// </summary>
public static class WebhookEnvelope
{
    // The body is signed and every retry must send the same bytes, so it is written field by field in a fixed
    // order: no property-order, naming-policy or indentation setting can change it. The default encoder escapes
    // HTML-sensitive and non-ASCII characters, which is valid JSON and safe wherever a receiver shows it.
    private static readonly JsonWriterOptions Options = new() { Indented = false };

    /// <summary>Writes the envelope; <paramref name="fields"/> writes what the kind adds between the ids and the rendered text.</summary>
    public static string Json(NoticeKind kind, DateTimeOffset at, string noticeId, string clientId, NoticeContent content, Action<Utf8JsonWriter> fields)
    {
        ArgumentNullException.ThrowIfNull(content);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("type", kind.WireName());
            json.WriteString("timestamp", at.ToUniversalTime());
            json.WriteStartObject("data");
            json.WriteString("noticeId", noticeId);
            json.WriteString("clientId", clientId);
            fields(json);
            json.WriteString("subject", content.Subject);
            json.WriteString("text", content.Text);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// <c>"affectedServices": [{serviceId, name, status, via}]</c>, the same in every kind's payload. The
    /// status enum carries its wire name as an attribute; serializing it keeps that one source of truth.
    /// </summary>
    public static void WriteAffectedServices(Utf8JsonWriter json, IEnumerable<AffectedService> services)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(services);
        json.WriteStartArray("affectedServices");
        foreach (var service in services)
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
    }

    /// <summary>A time in UTC with its offset, or null: every payload writes its optional times the same way.</summary>
    public static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        ArgumentNullException.ThrowIfNull(json);
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
