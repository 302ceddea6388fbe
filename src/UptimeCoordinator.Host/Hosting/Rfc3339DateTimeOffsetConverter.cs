using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace UptimeCoordinator.Host.Hosting;

/// <summary>
/// Times in requests must be RFC 3339 with an offset. System.Text.Json would otherwise read
/// <c>2026-01-15T14:00:00</c> in the server's own time zone, so the same request would mean a
/// different instant on another machine.
/// </summary>
public sealed class Rfc3339DateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (text is null || !HasOffset(text) ||
            !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value))
        {
            // No message: the serializer then reports the property path, which JsonErrorText turns into a field error.
            throw new JsonException();
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);

    private static bool HasOffset(string text)
    {
        var t = text.IndexOfAny(['T', 't']);
        if (t < 0)
        {
            return false;
        }

        var time = text.AsSpan(t + 1);
        return time.Length > 0 && (time[^1] is 'Z' or 'z' || time.IndexOfAny('+', '-') >= 0);
    }
}
