using System.Collections.Concurrent;

namespace UptimeCoordinator.Delivery.Tests.Support;

/// <summary>The test's outbox: records each reported outcome; can refuse the first reports.</summary>
internal sealed class RecordingOutcomeSink : IDeliveryOutcomeSink
{
    private readonly ConcurrentQueue<(string ClientId, DeliveryOutcome Outcome)> _reports = new();
    private int _calls;

    /// <summary>How many reports throw before one is accepted; <see cref="int.MaxValue"/> refuses all.</summary>
    public int RefuseFirst { get; set; }

    public int Calls => Volatile.Read(ref _calls);

    public IReadOnlyList<(string ClientId, DeliveryOutcome Outcome)> Reports => [.. _reports];

    public Task ReportAsync(string clientId, DeliveryOutcome outcome, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _calls) <= RefuseFirst)
        {
            throw new InvalidOperationException("The outbox is not reachable.");
        }

        _reports.Enqueue((clientId, outcome));
        return Task.CompletedTask;
    }

    public IReadOnlyList<DeliveryOutcome> For(string noticeId) =>
        [.. _reports.Where(r => r.Outcome.NoticeId == noticeId).Select(r => r.Outcome)];

    public Task<DeliveryOutcome> WaitForAsync(string noticeId) =>
        Eventually.ReturnsAsync(() => For(noticeId).FirstOrDefault(), $"an outcome for {noticeId}");
}
