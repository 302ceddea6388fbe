using Microsoft.Extensions.Time.Testing;
using UptimeCoordinator.Domain.Health;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Tests.Health;

public sealed class ServiceHealthTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 14, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly ServiceHealth _health = new();
    private readonly Observations _events;

    public ServiceHealthTests() => _events = new Observations(_time);

    [Fact]
    public void DownEventWithDefaultPolicyOpensMajorOutage()
    {
        var down = _events.Next(HealthStatus.Down);

        var result = _health.Apply(down, DetectionPolicy.Default);

        Assert.Equal(HealthApplyOutcome.StatusChanged, result.Outcome);
        Assert.Equal(ServiceStatus.MajorOutage, _health.Status);
        Assert.Equal(down.ObservedAt, _health.Since);
        Assert.Equal(new StatusChange(1, ServiceStatus.Operational, ServiceStatus.MajorOutage, down.ObservedAt, "probe", "default", null), result.Change);
    }

    [Fact]
    public void DegradedEventMeansDegradedPerformance()
    {
        _health.Apply(_events.Next(HealthStatus.Degraded), DetectionPolicy.Default);

        Assert.Equal(ServiceStatus.DegradedPerformance, _health.Status);
    }

    [Fact]
    public void RepeatedSameStatusChangesNothingWorthWriting()
    {
        _health.Apply(_events.Next(HealthStatus.Down), DetectionPolicy.Default);

        var again = _health.Apply(_events.Next(HealthStatus.Down), DetectionPolicy.Default);

        Assert.Equal(HealthApplyOutcome.Unchanged, again.Outcome);
        Assert.False(again.ChangedState);
        Assert.Equal(1, _health.ChangeSequence);
    }

    [Fact]
    public void FirstUpEventRecordsTheCheckWithoutChangingStatus()
    {
        var result = _health.Apply(_events.Next(HealthStatus.Up), DetectionPolicy.Default);

        Assert.Equal(HealthApplyOutcome.Counted, result.Outcome);
        Assert.Equal(ServiceStatus.Operational, _health.Status);
        Assert.Null(_health.Since);
        Assert.Contains("default", _health.Checks.Keys);
    }

    [Fact]
    public void FailureThresholdNeedsThatManyConsecutiveNonUpEvents()
    {
        var policy = new DetectionPolicy(FailureThreshold: 3);

        Assert.Equal(HealthApplyOutcome.Counted, _health.Apply(_events.Next(HealthStatus.Down), policy).Outcome);
        Assert.Equal(HealthApplyOutcome.Counted, _health.Apply(_events.Next(HealthStatus.Degraded), policy).Outcome);
        Assert.Equal(ServiceStatus.Operational, _health.Status);

        var third = _health.Apply(_events.Next(HealthStatus.Down), policy);

        Assert.Equal(HealthApplyOutcome.StatusChanged, third.Outcome);
        Assert.Equal(ServiceStatus.MajorOutage, _health.Status);
    }

    [Fact]
    public void AnUpEventBreaksTheRunTowardsTheFailureThreshold()
    {
        var policy = new DetectionPolicy(FailureThreshold: 2);
        _health.Apply(_events.Next(HealthStatus.Down), policy);
        _health.Apply(_events.Next(HealthStatus.Up), policy);

        var result = _health.Apply(_events.Next(HealthStatus.Down), policy);

        Assert.Equal(HealthApplyOutcome.Counted, result.Outcome);
        Assert.Equal(ServiceStatus.Operational, _health.Status);
    }

    [Fact]
    public void RecoveryThresholdGuardsAgainstFlapping()
    {
        var policy = new DetectionPolicy(FailureThreshold: 1, RecoveryThreshold: 2);
        _health.Apply(_events.Next(HealthStatus.Down), policy);

        Assert.Equal(HealthApplyOutcome.Counted, _health.Apply(_events.Next(HealthStatus.Up), policy).Outcome);
        Assert.Equal(HealthApplyOutcome.Counted, _health.Apply(_events.Next(HealthStatus.Down), policy).Outcome);
        Assert.Equal(HealthApplyOutcome.Counted, _health.Apply(_events.Next(HealthStatus.Up), policy).Outcome);
        Assert.Equal(ServiceStatus.MajorOutage, _health.Status);

        var second = _health.Apply(_events.Next(HealthStatus.Up), policy);

        Assert.Equal(HealthApplyOutcome.StatusChanged, second.Outcome);
        Assert.Equal(ServiceStatus.Operational, _health.Status);
    }

    [Fact]
    public void MovingBetweenDegradedAndDownIgnoresTheFailureThreshold()
    {
        var policy = new DetectionPolicy(FailureThreshold: 2);
        _health.Apply(_events.Next(HealthStatus.Degraded), policy);
        _health.Apply(_events.Next(HealthStatus.Degraded), policy);
        Assert.Equal(ServiceStatus.DegradedPerformance, _health.Status);

        _health.Apply(_events.Next(HealthStatus.Down), policy);

        Assert.Equal(ServiceStatus.MajorOutage, _health.Status);
    }

    [Fact]
    public void OlderEventForTheSameCheckNeverFlipsStateBack()
    {
        var up = _events.Next(HealthStatus.Up);
        var down = _events.Next(HealthStatus.Down);
        _health.Apply(down, DetectionPolicy.Default);

        var late = _health.Apply(up, DetectionPolicy.Default);

        Assert.Equal(HealthApplyOutcome.Stale, late.Outcome);
        Assert.Equal(ServiceStatus.MajorOutage, _health.Status);
    }

    [Fact]
    public void OlderEventForAnotherCheckStillCounts()
    {
        var earlier = _events.Next(HealthStatus.Down, check: "latency");
        _health.Apply(_events.Next(HealthStatus.Up, check: "http"), DetectionPolicy.Default);

        var result = _health.Apply(earlier, DetectionPolicy.Default);

        Assert.Equal(HealthApplyOutcome.StatusChanged, result.Outcome);
        Assert.Equal(ServiceStatus.PartialOutage, _health.Status);
    }

    [Fact]
    public void RepeatedEventIdIsADuplicateEvenWithAnotherStatus()
    {
        _health.Apply(_events.Next(HealthStatus.Down, eventId: "e-1"), DetectionPolicy.Default);

        var repeat = _health.Apply(_events.Next(HealthStatus.Up, eventId: "e-1"), DetectionPolicy.Default);

        Assert.Equal(HealthApplyOutcome.Duplicate, repeat.Outcome);
        Assert.Equal(ServiceStatus.MajorOutage, _health.Status);
    }

    [Fact]
    public void RecentEventIdsAreBounded()
    {
        for (var i = 0; i < ServiceHealth.RecentEventIdCapacity + 10; i++)
        {
            _health.Apply(_events.Next(HealthStatus.Up, eventId: $"e-{i}"), DetectionPolicy.Default);
        }

        Assert.Equal(ServiceHealth.RecentEventIdCapacity, _health.RecentEventIds.Count);
        Assert.DoesNotContain("e-0", _health.RecentEventIds);
        Assert.Equal(HealthApplyOutcome.Duplicate, _health.Apply(_events.Next(HealthStatus.Down, eventId: "e-20"), DetectionPolicy.Default).Outcome);
    }

    [Fact]
    public void AnEventIdPushedOutOfTheRecentOnesCountsAgain()
    {
        for (var i = 0; i < ServiceHealth.RecentEventIdCapacity + 1; i++)
        {
            _health.Apply(_events.Next(HealthStatus.Up, eventId: $"e-{i}"), DetectionPolicy.Default);
        }

        Assert.NotEqual(HealthApplyOutcome.Duplicate, _health.Apply(_events.Next(HealthStatus.Up, eventId: "e-0"), DetectionPolicy.Default).Outcome);
        Assert.Equal(HealthApplyOutcome.Duplicate, _health.Apply(_events.Next(HealthStatus.Up, eventId: "e-0"), DetectionPolicy.Default).Outcome);
        Assert.NotEqual(HealthApplyOutcome.Duplicate, _health.Apply(_events.Next(HealthStatus.Up, eventId: "e-1"), DetectionPolicy.Default).Outcome);
    }

    [Fact]
    public void EventIdsReadBackFromStorageAreRecognised()
    {
        _health.Apply(_events.Next(HealthStatus.Up, eventId: "before-load"), DetectionPolicy.Default);

        // Loading replaces the list, as storage does when a grain reads its state again.
        _health.RecentEventIds = ["stored-1", "stored-2"];

        Assert.Equal(HealthApplyOutcome.Duplicate, _health.Apply(_events.Next(HealthStatus.Up, eventId: "stored-2"), DetectionPolicy.Default).Outcome);
        Assert.NotEqual(HealthApplyOutcome.Duplicate, _health.Apply(_events.Next(HealthStatus.Up, eventId: "before-load"), DetectionPolicy.Default).Outcome);
    }

    [Fact]
    public void SomeChecksDownIsPartialAllChecksDownIsMajor()
    {
        _health.Apply(_events.Next(HealthStatus.Up, check: "eu"), DetectionPolicy.Default);
        _health.Apply(_events.Next(HealthStatus.Down, check: "us"), DetectionPolicy.Default);
        Assert.Equal(ServiceStatus.PartialOutage, _health.Status);

        _health.Apply(_events.Next(HealthStatus.Down, check: "eu"), DetectionPolicy.Default);
        Assert.Equal(ServiceStatus.MajorOutage, _health.Status);

        _health.Apply(_events.Next(HealthStatus.Degraded, check: "us"), DetectionPolicy.Default);
        Assert.Equal(ServiceStatus.PartialOutage, _health.Status);

        _health.Apply(_events.Next(HealthStatus.Up, check: "eu"), DetectionPolicy.Default);
        Assert.Equal(ServiceStatus.DegradedPerformance, _health.Status);
    }

    [Fact]
    public void ServiceIsOperationalOnlyWhenEveryCheckIsUp()
    {
        _health.Apply(_events.Next(HealthStatus.Down, check: "a"), DetectionPolicy.Default);
        _health.Apply(_events.Next(HealthStatus.Down, check: "b"), DetectionPolicy.Default);
        _health.Apply(_events.Next(HealthStatus.Up, check: "a"), DetectionPolicy.Default);
        Assert.NotEqual(ServiceStatus.Operational, _health.Status);

        var last = _health.Apply(_events.Next(HealthStatus.Up, check: "b"), DetectionPolicy.Default);

        Assert.Equal(ServiceStatus.Operational, _health.Status);
        Assert.Equal(ServiceStatus.PartialOutage, last.Change!.From);
    }

    [Fact]
    public void EachStatusChangeGetsTheNextSequenceNumber()
    {
        var first = _health.Apply(_events.Next(HealthStatus.Down), DetectionPolicy.Default).Change!;
        var second = _health.Apply(_events.Next(HealthStatus.Up), DetectionPolicy.Default).Change!;
        var third = _health.Apply(_events.Next(HealthStatus.Degraded), DetectionPolicy.Default).Change!;

        Assert.Equal([1L, 2L, 3L], [first.Sequence, second.Sequence, third.Sequence]);
    }

    [Fact]
    public void SinceNeverMovesBackwardsWhenAnotherCheckReportsAnOlderTime()
    {
        var older = _events.Next(HealthStatus.Up, check: "b");
        var down = _events.Next(HealthStatus.Down, check: "a");
        _health.Apply(older, DetectionPolicy.Default);
        _health.Apply(down, DetectionPolicy.Default);
        Assert.Equal(ServiceStatus.PartialOutage, _health.Status);

        var change = _health.Apply(older with { Status = HealthStatus.Down }, DetectionPolicy.Default).Change;

        Assert.Equal(ServiceStatus.MajorOutage, _health.Status);
        Assert.Equal(down.ObservedAt, _health.Since);
        Assert.Equal(down.ObservedAt, change!.At);
    }
}
