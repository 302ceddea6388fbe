using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using UptimeCoordinator.Contracts.Changes;
using UptimeCoordinator.Host.Tests.Http;

namespace UptimeCoordinator.Host.Tests.Stream;

/// <summary>
/// The stream's subscriptions are Orleans pub-sub state in the <c>PubSubStore</c> storage. Orleans' own
/// types there must come back from storage when the pub-sub grain is activated again: after it was
/// collected, or on another silo after its own died.
/// </summary>
public sealed class StreamSubscriptionStateTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task SubscriptionsAreReadBackAfterThePubSubGrainWasCollected()
    {
        await using var app = new CoordinatorApp();
        using var api = new CoordinatorClient(app);
        await api.WaitUntilReadyAsync();
        var cluster = app.Services.GetRequiredService<IClusterClient>();
        await using var stream = await SseReader.OpenAsync(api.Ops);
        var id = TestIds.Unique();
        await api.CreateServiceAsync(id);

        // A first change makes the stream's pulling agent a producer in the pub-sub state, next to this host's subscription.
        await api.RecordAsync(EventBody.Down(id, TestTime.MinutesAgo(2)));
        await stream.NextEventAsync("service.status", m => m.Json().Str("serviceId") == id, Wait);

        // Collects every idle activation, the pub-sub grain among them; the next subscriber activates it again from storage.
        await cluster.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var changes = cluster.GetStreamProvider(ChangeStream.ProviderName)
            .GetStream<ChangeEvent>(StreamId.Create(ChangeStream.Namespace, ChangeStream.Key));
        var received = new TaskCompletionSource<ChangeEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscription = await changes.SubscribeAsync((change, _) =>
        {
            received.TrySetResult(change);
            return Task.CompletedTask;
        });
        await api.RecordAsync(EventBody.Up(id, TestTime.MinutesAgo(1)));

        await stream.NextEventAsync("service.status", m => m.Json().Str("serviceId") == id && m.Json().Str("to") == "operational", Wait);
        Assert.Equal(id, Assert.IsType<ServiceStatusChanged>(await received.Task.WaitAsync(Wait)).ServiceId);
        await subscription.UnsubscribeAsync();
    }
}
