using System.Text.Json;

namespace UptimeCoordinator.Host.Demo;

/// <summary>
/// The words a person reads first in a notice's webhook body: its kind (<c>type</c>), its title
/// (an incident's <c>data.title</c>, else the <c>data.subject</c> every notice has) and its subject.
/// </summary>
internal static class DemoNoticeSummary
{
    public static (string? Kind, string? Title, string? Summary) Of(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var data = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var d) ? d : default;
            var subject = Text(data, "subject");
            return (Text(root, "type"), Text(data, "title") ?? subject, subject);
        }
        catch (JsonException)
        {
            return (null, null, null);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
