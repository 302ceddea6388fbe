using System.Collections.Concurrent;

namespace UptimeCoordinator.Grains.Notices;

/// <summary>
/// Sends items per key, one call at a time per key: while a call for a key is in flight, the items
/// that arrive for it wait and go together in the next call. At a trickle each item goes alone at
/// once; under a burst (a fan-out's outcomes for one client) they go in few calls, with no added wait.
/// </summary>
internal sealed class OutcomeBatches<T>(Func<string, List<T>, Task> send, int maxBatch = 500)
{
    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    /// <summary>Completes when the call carrying <paramref name="item"/> has succeeded, or with its exception.</summary>
    public Task SendAsync(string key, T item)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lane = _lanes.GetOrAdd(key, static _ => new Lane());
        bool start;
        lock (lane)
        {
            lane.Waiting.Add((item, done));
            start = !lane.Sending;
            lane.Sending = true;
        }

        if (start)
        {
            _ = DrainAsync(key, lane);
        }

        return done.Task;
    }

    private async Task DrainAsync(string key, Lane lane)
    {
        while (true)
        {
            List<(T Item, TaskCompletionSource Done)> batch;
            lock (lane)
            {
                if (lane.Waiting.Count == 0)
                {
                    // A sender that still holds this lane finds it idle and drains it itself.
                    lane.Sending = false;
                    _lanes.TryRemove(new KeyValuePair<string, Lane>(key, lane));
                    return;
                }

                var take = Math.Min(maxBatch, lane.Waiting.Count);
                batch = lane.Waiting.GetRange(0, take);
                lane.Waiting.RemoveRange(0, take);
            }

            try
            {
                await send(key, [.. batch.Select(b => b.Item)]);
                batch.ForEach(b => b.Done.TrySetResult());
            }
            catch (Exception exception)
            {
                batch.ForEach(b => b.Done.TrySetException(exception));
            }
        }
    }

    private sealed class Lane
    {
        public List<(T Item, TaskCompletionSource Done)> Waiting { get; } = [];

        public bool Sending { get; set; }
    }
}
