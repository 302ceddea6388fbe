using System.Threading.Channels;
using UptimeCoordinator.Contracts.Changes;

namespace UptimeCoordinator.Host.Stream;

/// <summary>One SSE connection's view of the <see cref="ChangeFeed"/>: what it missed, then a bounded queue of what comes.</summary>
internal sealed class ChangeFeedSubscription : IDisposable
{
    private readonly ChangeFeed _feed;
    private readonly Func<ChangeEvent, bool> _filter;
    private readonly Channel<ChangeFeedEntry> _queue;
    private volatile bool _dropped;

    internal ChangeFeedSubscription(ChangeFeed feed, IReadOnlyList<ChangeFeedEntry> replay, Func<ChangeEvent, bool> filter, int capacity)
    {
        _feed = feed;
        _filter = filter;
        Replay = replay;
        _queue = Channel.CreateBounded<ChangeFeedEntry>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>The buffered events after the connection's <c>Last-Event-ID</c>, oldest first.</summary>
    public IReadOnlyList<ChangeFeedEntry> Replay { get; }

    /// <summary>The events since subscribing; completes when the connection is dropped or the host stops.</summary>
    public ChannelReader<ChangeFeedEntry> Events => _queue.Reader;

    /// <summary>True when the connection fell too far behind and was dropped.</summary>
    public bool Dropped => _dropped;

    public void Dispose()
    {
        _feed.Remove(this);
        Complete();
    }

    // Called under the feed's lock, hence one writer. False means: full, so dropped.
    internal bool TryDeliver(ChangeFeedEntry entry)
    {
        if (!_filter(entry.Change) || _queue.Writer.TryWrite(entry))
        {
            return true;
        }

        _dropped = true;
        Complete();
        return false;
    }

    internal void Complete() => _queue.Writer.TryComplete();
}
