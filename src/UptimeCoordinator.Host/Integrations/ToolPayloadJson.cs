using System.Text.Json;
using System.Text.Json.Serialization;
using UptimeCoordinator.Domain;
using UptimeCoordinator.Host.Errors;

namespace UptimeCoordinator.Host.Integrations;

/// <summary>
/// Reads monitoring tools' own payloads. Unlike our own API, fields we do not model are skipped:
/// tools add fields with every release, and a payload must not be refused for carrying more than we read.
/// </summary>
public static class ToolPayloadJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>
    /// Buffers the raw body, for payloads whose signature covers its exact bytes. Kestrel already stops
    /// at the request size limit; this bound holds on any server.
    /// </summary>
    public static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > RequestSizeLimit.MaxBodyBytes)
            {
                throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>The payload, or null with the reason in <paramref name="errors"/> (keyed by the JSON path of the bad field).</summary>
    public static T? Deserialize<T>(byte[] body, ValidationErrors errors)
        where T : class
    {
        if (body.Length == 0)
        {
            errors.Add("", "A JSON object body is required.");
            return null;
        }

        try
        {
            var payload = JsonSerializer.Deserialize<T>(body, Options);
            if (payload is null)
            {
                errors.Add("", "The body must be a JSON object.");
            }

            return payload;
        }
        catch (JsonException ex)
        {
            errors.Add(ex.Path is { Length: > 2 } path ? path[2..] : "", JsonErrorText.Describe(ex));
            return null;
        }
    }

    /// <summary>The time, or null for Go's zero time (<c>0001-01-01T00:00:00Z</c>), which Go tools write for "not set".</summary>
    public static DateTimeOffset? Known(DateTimeOffset? time) => time is { Year: > 1 } known ? known : null;

    /// <summary>Cuts a tool's free text to what an event may carry: the tool cannot shorten it on a retry.</summary>
    public static string? Truncate(string? text, int maxLength) =>
        text is { } value && value.Length > maxLength ? value[..(maxLength - 1)] + "…" : text;
}
