using System.Text.Json;

namespace UptimeCoordinator.Host.Tests.Stream;

/// <summary>One block of a text/event-stream up to its blank line: an event, or only comments such as a heartbeat.</summary>
public sealed record SseMessage(string? Id, string? Event, string? Data, IReadOnlyList<string> Comments)
{
    public bool IsEvent => Data is not null;

    public long EventId => long.Parse(Id ?? throw new InvalidOperationException($"No id: {this}"), System.Globalization.CultureInfo.InvariantCulture);

    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Data ?? throw new InvalidOperationException($"No data: {this}"));
        return document.RootElement.Clone();
    }

    public override string ToString() =>
        IsEvent ? $"id: {Id} event: {Event} data: {Data}" : string.Join(" ", Comments.Select(c => $": {c}"));
}
