using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UptimeCoordinator.Contracts.Changes;
using UptimeCoordinator.Domain.Services;
using UptimeCoordinator.Host.Stream;

namespace UptimeCoordinator.Host.Tests.Stream;

/// <summary>The in-process fan-out behind the stream: numbering, replay for Last-Event-ID, filtering, slow readers.</summary>
public sealed class ChangeFeedTests
{
    private static readonly DateTimeOffset Noon = new(2025, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EventsAreNumberedFromOneAndFramedAsServerSentEvents()
    {
        var feed = Feed();

        var first = feed.Append(Change("a"));
        var second = feed.Append(Change("b"));

        Assert.Equal((1, 2), (first.Id, second.Id));
        Assert.Equal(
            "id: 2\nevent: service.status\ndata: {\"serviceId\":\"b\",\"from\":\"operational\",\"to\":\"major_outage\",\"since\":\"2025-03-10T12:00:00+00:00\",\"openIncidentId\":null}\n\n",
            System.Text.Encoding.UTF8.GetString(second.Frame.Span));
    }

    [Fact]
    public void WithoutLastEventIdNothingIsReplayedAndNewEventsArrive()
    {
        var feed = Feed();
        feed.Append(Change("a"));

        using var subscription = feed.Subscribe(null, _ => true);
        feed.Append(Change("b"));

        Assert.Empty(subscription.Replay);
        Assert.Equal(["b"], Drain(subscription));
    }

    [Fact]
    public void LastEventIdStillBufferedReplaysOnlyWhatCameAfterIt()
    {
        var feed = Feed();
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            feed.Append(Change(id));
        }

        using var subscription = feed.Subscribe(2, _ => true);
        using var upToDate = feed.Subscribe(4, _ => true);

        Assert.Equal(["c", "d"], subscription.Replay.Select(ServiceId));
        Assert.Empty(upToDate.Replay);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(99)]
    public void LastEventIdOutsideTheBufferReplaysEverythingBuffered(long lastEventId)
    {
        var feed = Feed(replay: 3);
        foreach (var id in new[] { "a", "b", "c", "d", "e" })
        {
            feed.Append(Change(id));
        }

        // 1 fell out of the buffer (it holds 3..5); 99 was never sent by this feed: another host's, or an earlier run's.
        using var subscription = feed.Subscribe(lastEventId, _ => true);

        Assert.Equal(["c", "d", "e"], subscription.Replay.Select(ServiceId));
    }

    [Fact]
    public void TheLastIdBeforeTheBufferStillCountsAsKnown()
    {
        var feed = Feed(replay: 3);
        foreach (var id in new[] { "a", "b", "c", "d", "e" })
        {
            feed.Append(Change(id));
        }

        using var subscription = feed.Subscribe(3, _ => true);

        Assert.Equal(["d", "e"], subscription.Replay.Select(ServiceId));
    }

    [Fact]
    public void TheFilterAppliesToReplayAndToLiveEvents()
    {
        var feed = Feed();
        feed.Append(Change("a"));
        feed.Append(Change("skip"));

        using var subscription = feed.Subscribe(0, c => c is ServiceStatusChanged { ServiceId: not "skip" });
        feed.Append(Change("skip"));
        feed.Append(Change("b"));

        Assert.Equal(["a"], subscription.Replay.Select(ServiceId));
        Assert.Equal(["b"], Drain(subscription));
    }

    [Fact]
    public void AReaderThatFallsBehindIsDroppedWithoutHoldingUpTheOthers()
    {
        var feed = Feed(perSubscriber: 2);
        using var slow = feed.Subscribe(null, _ => true);
        using var fast = feed.Subscribe(null, _ => true);

        var received = new List<string>();
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            feed.Append(Change(id));
            received.AddRange(Drain(fast));
        }

        Assert.True(slow.Dropped);
        Assert.Equal(["a", "b"], Drain(slow));
        Assert.True(slow.Events.Completion.IsCompleted);
        Assert.False(fast.Dropped);
        Assert.Equal(["a", "b", "c", "d"], received);
        Assert.Equal(1, feed.SubscriberCount);
    }

    [Fact]
    public void DisposingASubscriptionUnsubscribesIt()
    {
        var feed = Feed();
        var subscription = feed.Subscribe(null, _ => true);

        subscription.Dispose();
        feed.Append(Change("a"));

        Assert.Equal(0, feed.SubscriberCount);
        Assert.Empty(Drain(subscription));
    }

    [Fact]
    public void CompletingTheFeedEndsEveryConnection()
    {
        var feed = Feed();
        using var before = feed.Subscribe(null, _ => true);

        feed.Complete();
        using var after = feed.Subscribe(null, _ => true);

        Assert.True(before.Events.Completion.IsCompleted);
        Assert.True(after.Events.Completion.IsCompleted);
        Assert.False(before.Dropped);
    }

    private static ChangeFeed Feed(int replay = 1000, int perSubscriber = 1000) => new(
        Options.Create(new ChangeStreamOptions { ReplayBufferSize = replay, SubscriberBufferSize = perSubscriber }),
        new JsonSerializerOptions(JsonSerializerDefaults.Web),
        NullLogger<ChangeFeed>.Instance);

    private static ServiceStatusChanged Change(string serviceId) =>
        new(serviceId, ServiceStatus.Operational, ServiceStatus.MajorOutage, Noon, null);

    private static string ServiceId(ChangeFeedEntry entry) => ((ServiceStatusChanged)entry.Change).ServiceId;

    private static List<string> Drain(ChangeFeedSubscription subscription)
    {
        var ids = new List<string>();
        while (subscription.Events.TryRead(out var entry))
        {
            ids.Add(ServiceId(entry));
        }

        return ids;
    }
}
