using UptimeCoordinator.Contracts.Incidents;

namespace UptimeCoordinator.Contracts.Subscriptions;

/// <summary>A service's persisted transition, handed to its subscription index for fan-out.</summary>
[GenerateSerializer, Alias("uc.FanOutRequest")]
public sealed record FanOutRequest(
    [property: Id(0)] ServiceTransitionMessage Transition,
    [property: Id(1)] string ServiceName);
