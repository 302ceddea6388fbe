using CsCheck;
using UptimeCoordinator.Domain.Health;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Tests.Health;

/// <summary>Out-of-order delivery must not change the outcome: the newest observation per check wins.</summary>
public sealed class ServiceHealthProperties
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Gen<HealthObservation[]> Histories =
        Gen.Select(Gen.Int[0, 3], Gen.Enum<HealthStatus>(), Gen.Int[0, 10_000])
            .Array[1, 40]
            .Select(items => items
                .DistinctBy(i => i.Item3)
                .Select(i => new HealthObservation(null, i.Item2, Epoch.AddSeconds(i.Item3), "prop", $"check-{i.Item1}", null))
                .ToArray());

    [Fact]
    public void FinalStatusDoesNotDependOnArrivalOrder()
    {
        Gen.Select(Histories, Gen.Int).Sample((history, seed) =>
        {
            var ordered = Replay(history.OrderBy(o => o.ObservedAt));
            var shuffled = Replay(history.OrderBy(o => HashCode.Combine(seed, o.ObservedAt)));

            Assert.Equal(ordered.Status, shuffled.Status);
            Assert.Equal(Newest(history), shuffled.Checks.ToDictionary(c => c.Key, c => c.Value.Confirmed));
        });
    }

    [Fact]
    public void ReplayingAHistoryAgainChangesNothing()
    {
        Histories.Sample(history =>
        {
            var health = Replay(history);
            var sequence = health.ChangeSequence;

            var outcomes = history.Select(o => health.Apply(o, DetectionPolicy.Default).Outcome).ToList();

            Assert.All(outcomes, o => Assert.True(o is HealthApplyOutcome.Unchanged or HealthApplyOutcome.Stale, $"unexpected {o}"));
            Assert.Equal(sequence, health.ChangeSequence);
        });
    }

    private static ServiceHealth Replay(IEnumerable<HealthObservation> observations)
    {
        var health = new ServiceHealth();
        foreach (var observation in observations)
        {
            health.Apply(observation, DetectionPolicy.Default);
        }

        return health;
    }

    private static Dictionary<string, HealthStatus> Newest(IEnumerable<HealthObservation> history) =>
        history.GroupBy(o => o.Check).ToDictionary(g => g.Key, g => g.MaxBy(o => o.ObservedAt)!.Status);
}
