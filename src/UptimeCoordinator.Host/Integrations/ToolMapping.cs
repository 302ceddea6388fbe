namespace UptimeCoordinator.Host.Integrations;

/// <summary>
/// What the items of one tool payload map to: health events, and the items skipped while mapping.
/// <paramref name="Items"/> names every item mapped or skipped, in payload order, so that skips can be reported in that order.
/// </summary>
public sealed record ToolMapping(IReadOnlyList<string> Items, IReadOnlyList<MappedEvent> Events, IReadOnlyList<SkippedItem> Skipped)
{
    public static ToolMapping Empty { get; } = new([], [], []);
}
