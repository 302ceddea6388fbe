using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using UptimeCoordinator.Contracts.Changes;

namespace UptimeCoordinator.Host.Stream;

/// <summary>
/// This host's in-process fan-out of the cluster's changes to its SSE connections. Each change gets the
/// next event id of this host and is kept in a bounded replay buffer for <c>Last-Event-ID</c>. Each
/// connection has a bounded queue; one that falls too far behind is dropped rather than allowed to
/// hold up the others, and resumes by reconnecting with its last event id.
/// </summary>
internal sealed partial class ChangeFeed(IOptions<ChangeStreamOptions> options, JsonSerializerOptions json, ILogger<ChangeFeed> logger)
{
    private readonly Lock _gate = new();
    private readonly Queue<ChangeFeedEntry> _recent = new();
    private readonly List<ChangeFeedSubscription> _subscribers = [];
    private readonly int _replayBufferSize = options.Value.ReplayBufferSize;
    private readonly int _subscriberBufferSize = options.Value.SubscriberBufferSize;
    private long _lastId;
    private bool _completed;

    public long LastEventId
    {
        get
        {
            lock (_gate)
            {
                return _lastId;
            }
        }
    }

    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    /// <summary>Numbers, buffers and hands <paramref name="change"/> to every connection whose filter admits it.</summary>
    public ChangeFeedEntry Append(ChangeEvent change)
    {
        var type = ChangeEventTypes.Of(change);
        var data = JsonSerializer.Serialize(change, change.GetType(), json);
        List<ChangeFeedSubscription>? dropped = null;
        ChangeFeedEntry entry;
        lock (_gate)
        {
            var id = ++_lastId;
            entry = new ChangeFeedEntry(id, type, change, Encoding.UTF8.GetBytes($"id: {id}\nevent: {type}\ndata: {data}\n\n"));
            _recent.Enqueue(entry);
            while (_recent.Count > _replayBufferSize)
            {
                _recent.Dequeue();
            }

            foreach (var subscriber in _subscribers)
            {
                if (!subscriber.TryDeliver(entry))
                {
                    (dropped ??= []).Add(subscriber);
                }
            }

            dropped?.ForEach(s => _subscribers.Remove(s));
        }

        if (dropped is not null)
        {
            LogDropped(dropped.Count, entry.Id, _subscriberBufferSize);
        }

        return entry;
    }

    /// <summary>
    /// A new connection's queue, with the buffered events it missed. Without <paramref name="lastEventId"/>
    /// nothing is replayed. With an id this host still buffers, the events after it are. With any other id
    /// (older than the buffer, or not from this host's current run) everything buffered is replayed,
    /// since what was missed cannot be told; events carry state, so a repeat does no harm.
    /// </summary>
    public ChangeFeedSubscription Subscribe(long? lastEventId, Func<ChangeEvent, bool> filter)
    {
        lock (_gate)
        {
            var replay = lastEventId is { } last
                ? _recent.Where(e => e.Id > (Knows(last) ? last : 0) && filter(e.Change)).ToList()
                : [];
            var subscription = new ChangeFeedSubscription(this, replay, filter, _subscriberBufferSize);
            if (_completed)
            {
                subscription.Complete();
            }
            else
            {
                _subscribers.Add(subscription);
            }

            return subscription;
        }
    }

    /// <summary>Ends every connection, as the host shuts down.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            _subscribers.ForEach(s => s.Complete());
            _subscribers.Clear();
        }
    }

    internal void Remove(ChangeFeedSubscription subscription)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscription);
        }
    }

    // The ids this host can continue from: any it has sent whose successors are all still buffered.
    private bool Knows(long id) => id <= _lastId && (_recent.Count == 0 ? id == _lastId : id >= _recent.Peek().Id - 1);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live stream: dropped {Count} connection(s) more than {Capacity} events behind at event {EventId}; they resume by reconnecting with Last-Event-ID")]
    private partial void LogDropped(int count, long eventId, int capacity);
}
