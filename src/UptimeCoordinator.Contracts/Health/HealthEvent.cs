using Orleans.Concurrency;
using UptimeCoordinator.Domain.Health;

namespace UptimeCoordinator.Contracts.Health;

/// <summary>A validated health event on its way to its service's grain. Immutable, so a local call passes it uncopied.</summary>
[GenerateSerializer, Immutable, Alias("uc.HealthEvent")]
public sealed record HealthEvent(
    [property: Id(0)] string? EventId,
    [property: Id(1)] HealthStatus Status,
    [property: Id(2)] DateTimeOffset ObservedAt,
    [property: Id(3)] string Source,
    [property: Id(4)] string Check,
    [property: Id(5)] string? Message)
{
    public HealthObservation ToObservation() => new(EventId, Status, ObservedAt, Source, Check, Message);
}
