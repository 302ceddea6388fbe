using UptimeCoordinator.Domain.Health;

namespace UptimeCoordinator.Contracts.Services;

/// <summary>One check of a service: its confirmed status and when it was last observed.</summary>
[GenerateSerializer, Alias("uc.CheckView")]
public sealed record CheckView(
    [property: Id(0)] string Name,
    [property: Id(1)] HealthStatus Status,
    [property: Id(2)] DateTimeOffset LastObservedAt);
