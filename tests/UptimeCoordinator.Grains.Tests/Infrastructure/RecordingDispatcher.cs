using System.Collections.Concurrent;
using UptimeCoordinator.Delivery;

namespace UptimeCoordinator.Grains.Tests.Infrastructure;

/// <summary>
/// Stands in for the delivery workers at the grain boundary: records what the grains hand over and
/// lets a test say whether a withdrawal succeeds. Real delivery is tested in the delivery and host tests.
/// </summary>
public sealed class RecordingDispatcher : INoticeDispatcher
{
    private readonly ConcurrentQueue<NoticeDelivery> _dispatched = new();
    private readonly ConcurrentDictionary<string, bool> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _holding = new(StringComparer.Ordinal);

    public IReadOnlyList<NoticeDelivery> DispatchedFor(string clientId) => [.. _dispatched.Where(d => d.ClientId == clientId)];

    public ConcurrentBag<string> Withdrawn { get; } = [];

    /// <summary>Like the real dispatcher, ignores a notice it still holds.</summary>
    public void Dispatch(NoticeDelivery delivery)
    {
        if (_holding.TryAdd(delivery.NoticeId, true))
        {
            _dispatched.Enqueue(delivery);
        }
    }

    /// <summary>The dispatcher is done with a notice (it reports the outcome next) and would take it again.</summary>
    public void Release(string noticeId) => _holding.TryRemove(noticeId, out _);

    /// <summary>Marks a notice as being attempted right now, so that withdrawing it fails.</summary>
    public void Attempting(string noticeId) => _inFlight[noticeId] = true;

    public bool TryWithdraw(string noticeId)
    {
        if (_inFlight.ContainsKey(noticeId))
        {
            return false;
        }

        Withdrawn.Add(noticeId);
        Release(noticeId);
        return true;
    }

    /// <summary>Waits, boundedly, until <paramref name="count"/> notices of the client were handed over.</summary>
    public async Task<IReadOnlyList<NoticeDelivery>> WaitForAsync(string clientId, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DispatchedFor(clientId).Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        var found = DispatchedFor(clientId);
        Assert.True(found.Count >= count, $"{clientId}: {found.Count} of {count} notices dispatched: {string.Join(", ", found.Select(d => d.NoticeId))}");
        return found;
    }
}
