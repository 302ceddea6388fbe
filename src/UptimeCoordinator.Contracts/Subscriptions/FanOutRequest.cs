using UptimeCoordinator.Contracts.Incidents;

namespace UptimeCoordinator.Contracts.Subscriptions;

/// <summary>A service's persisted transition, handed to its subscription index for fan-out.</summary>
/// <param name="TraceParent">The W3C traceparent of the span that handed it over, so the fan-out continues its trace.</param>
[GenerateSerializer, Alias("uc.FanOutRequest")]
public sealed record FanOutRequest(
    [property: Id(0)] ServiceTransitionMessage Transition,
    [property: Id(1)] string ServiceName,
    [property: Id(2)] string? TraceParent = null);
