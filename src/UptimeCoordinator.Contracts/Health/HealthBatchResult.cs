using Orleans.Concurrency;

namespace UptimeCoordinator.Contracts.Health;

/// <summary>What a service grain did with a batch: how many events it accepted and how many were exact repeats.</summary>
[GenerateSerializer, Immutable, Alias("uc.HealthBatchResult")]
public sealed record HealthBatchResult(
    [property: Id(0)] bool ServiceFound,
    [property: Id(1)] int Accepted,
    [property: Id(2)] int Duplicates)
{
    public static HealthBatchResult UnknownService { get; } = new(false, 0, 0);
}
