using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace UptimeCoordinator.Web.Tests.Infrastructure;

/// <summary>JSON as the API speaks it: camelCase, nulls left out of requests.</summary>
public static class WebJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static JsonContent Content(object value) => JsonContent.Create(value, value.GetType(), options: Options);

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static string Str(this JsonElement element, string property) =>
        element.GetProperty(property).GetString() ?? throw new InvalidOperationException($"'{property}' is null");

    public static string? NullableStr(this JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? value.GetString() : null;

    public static List<JsonElement> Items(this JsonElement element, string property = "items") =>
        [.. element.GetProperty(property).EnumerateArray()];
}
