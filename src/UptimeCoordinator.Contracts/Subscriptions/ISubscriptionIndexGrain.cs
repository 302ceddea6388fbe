using Orleans.Concurrency;

namespace UptimeCoordinator.Contracts.Subscriptions;

/// <summary>
/// Which clients subscribe to one service (key: service id), and the fan-out of that service's
/// transitions to every client they reach, including clients of the services that depend on it.
/// </summary>
[Alias("uc.ISubscriptionIndexGrain")]
public interface ISubscriptionIndexGrain : IGrainWithStringKey
{
    [Alias("Subscribe")]
    Task SubscribeAsync(string clientId);

    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(string clientId);

    /// <summary>Read-only and interleaved, so that a long fan-out of another service never waits on it.</summary>
    [Alias("GetSubscribers"), ReadOnly, AlwaysInterleave]
    Task<string[]> GetSubscribersAsync();

    /// <summary>
    /// Queues a transition for fan-out and returns at once; the index reports completion to the
    /// service grain, which keeps the transition (and its reminder) until then. A repeat of a
    /// queued transition is ignored; a repeat of a finished one is fanned out again, which the
    /// clients ignore.
    /// </summary>
    [Alias("FanOut"), AlwaysInterleave]
    Task FanOutAsync(FanOutRequest request);
}
