using UptimeCoordinator.Domain;
using UptimeCoordinator.Host.Events;

namespace UptimeCoordinator.Host.Integrations;

/// <summary>
/// Collects a tool payload's items, in order, as they are mapped. A bad item is rejected into
/// <paramref name="errors"/> or skipped, as <paramref name="badItems"/> says for the tool.
/// </summary>
public sealed class ToolMappingBuilder(BadItems badItems, ValidationErrors errors)
{
    private readonly List<string> _items = [];
    private readonly List<MappedEvent> _events = [];
    private readonly List<SkippedItem> _skipped = [];

    public void Add(string item, HealthEventRequest request)
    {
        Note(item);
        _events.Add(new MappedEvent(item, request));
    }

    /// <param name="item">The item's path in the payload (<c>alerts[2]</c>).</param>
    /// <param name="field">The field at fault, under the item; empty for the item itself.</param>
    /// <param name="check">The check the item was for, when it is known.</param>
    /// <param name="reason">Why: a validation message when rejected, the skip's reason when skipped.</param>
    public void Bad(string item, string field, string? check, string reason)
    {
        Note(item);
        if (badItems == BadItems.Skip)
        {
            _skipped.Add(new SkippedItem(item, null, check, reason));
        }
        else
        {
            errors.Add(field.Length == 0 ? item : $"{item}.{field}", reason);
        }
    }

    public ToolMapping Build() => new([.. _items], [.. _events], [.. _skipped]);

    private void Note(string item)
    {
        if (_items.Count == 0 || _items[^1] != item)
        {
            _items.Add(item);
        }
    }
}
