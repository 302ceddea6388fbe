using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace UptimeCoordinator.Host.Tests.Http;

/// <summary>JSON as the API speaks it: camelCase, nulls left out of requests.</summary>
public static class Json
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static JsonContent Content(object value) => JsonContent.Create(value, value.GetType(), options: Options);

    /// <summary>Exactly these bytes, with a Content-Length, for bodies that must not be re-serialised.</summary>
    public static StringContent Raw(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static string Str(this JsonElement element, string property) =>
        element.GetProperty(property).GetString() ?? throw new InvalidOperationException($"'{property}' is null");

    public static string? NullableStr(this JsonElement element, string property) => element.GetProperty(property).GetString();

    public static DateTimeOffset Time(this JsonElement element, string property) => element.GetProperty(property).GetDateTimeOffset();

    public static bool IsNull(this JsonElement element, string property) =>
        element.GetProperty(property).ValueKind == JsonValueKind.Null;

    public static List<string> Strings(this JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];
}
