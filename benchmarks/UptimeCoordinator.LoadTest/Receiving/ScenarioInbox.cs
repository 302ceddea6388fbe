using System.Collections.Concurrent;
using System.Threading.Channels;

namespace UptimeCoordinator.LoadTest.Receiving;

/// <summary>
/// What one scenario's contacts received: each distinct delivery id once, in arrival order, plus how
/// many arrived again under an id already seen (retries, which Standard Webhooks allows).
/// </summary>
internal sealed class ScenarioInbox
{
    private readonly ConcurrentDictionary<string, Arrival> _first = new(StringComparer.Ordinal);
    private readonly Channel<Arrival> _arrivals = Channel.CreateUnbounded<Arrival>(new UnboundedChannelOptions { SingleReader = true });
    private long _repeats;

    public int Distinct => _first.Count;

    public long Repeats => Interlocked.Read(ref _repeats);

    public IReadOnlyCollection<Arrival> All => [.. _first.Values];

    public void Record(Arrival arrival)
    {
        if (!_first.TryAdd(arrival.Id, arrival))
        {
            Interlocked.Increment(ref _repeats);
            return;
        }

        _arrivals.Writer.TryWrite(arrival);
    }

    /// <summary>The next first-time delivery that <paramref name="matches"/>; others are skipped.</summary>
    public async Task<Arrival> NextAsync(Func<Arrival, bool> matches, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var arrival = await _arrivals.Reader.ReadAsync(cancel.Token);
                if (matches(arrival))
                {
                    return arrival;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no matching delivery within {timeout.TotalSeconds:0.#} s ({Distinct} received so far)");
        }
    }

    /// <summary>Waits until <paramref name="count"/> distinct deliveries match, and returns them.</summary>
    public async Task<List<Arrival>> CollectAsync(Func<Arrival, bool> matches, int count, TimeSpan timeout, Action<int>? progress = null)
    {
        var collected = new List<Arrival>(count);
        var lastReport = 0;
        while (collected.Count < count)
        {
            collected.Add(await NextAsync(matches, timeout));
            if (progress is not null && collected.Count - lastReport >= Math.Max(1, count / 10))
            {
                lastReport = collected.Count;
                progress(collected.Count);
            }
        }

        return collected;
    }
}
