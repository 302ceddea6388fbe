namespace UptimeCoordinator.Host.Demo;

/// <summary>
/// The last <see cref="Capacity"/> webhooks this host received, in memory: a demo shows what
/// arrives now, and another host of the cluster keeps its own.
/// </summary>
internal sealed class DemoInbox
{
    public const int Capacity = 200;

    private readonly LinkedList<DemoInboxEntry> _entries = new();
    private readonly Lock _gate = new();

    /// <summary>
    /// Keeps the entry unless this contact already has one with its webhook id: a retry of a notice
    /// that arrived carries the same id, and a receiver de-duplicates on it.
    /// </summary>
    public bool Add(DemoInboxEntry entry)
    {
        lock (_gate)
        {
            if (_entries.Any(e => e.WebhookId == entry.WebhookId && e.ClientId == entry.ClientId && e.ContactId == entry.ContactId))
            {
                return false;
            }

            _entries.AddFirst(entry);
            if (_entries.Count > Capacity)
            {
                _entries.RemoveLast();
            }

            return true;
        }
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<DemoInboxEntry> Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries];
        }
    }
}
