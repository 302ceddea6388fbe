using UptimeCoordinator.Domain.Health;
using UptimeCoordinator.Host.Demo;

namespace UptimeCoordinator.Host.Tests.Demo;

public sealed class DemoScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly DemoSchedule Schedule = new(
        Start,
        new DemoOptions { FirstBreakAfter = TimeSpan.FromSeconds(20), OutageDuration = TimeSpan.FromMinutes(3), QuietDuration = TimeSpan.FromMinutes(2) },
        ["checkout", "search", "database"]);

    [Fact]
    public void NothingIsBrokenBeforeTheFirstBreakWhichIsTheNextChange()
    {
        var (current, next) = Schedule.At(Start.AddSeconds(19));

        Assert.Null(current);
        Assert.Equal(Start.AddSeconds(20), next);
    }

    [Fact]
    public void FirstServiceIsDownForTheOutageDurationThenHeals()
    {
        var (broken, healsAt) = Schedule.At(Start.AddSeconds(20));
        var (afterHeal, nextBreak) = Schedule.At(Start.AddSeconds(20).AddMinutes(3));

        Assert.Equal(("checkout", HealthStatus.Down), (broken!.ServiceId, broken.Status));
        Assert.Equal(Start.AddSeconds(20).AddMinutes(3), healsAt);
        Assert.Null(afterHeal);
        Assert.Equal(Start.AddSeconds(20).AddMinutes(5), nextBreak);
    }

    [Fact]
    public void OutagesGoRoundRobinAlternatingDownAndDegraded()
    {
        var outages = Enumerable.Range(0, 4).Select(n => Schedule.At(Start.AddSeconds(21).AddMinutes(5 * n)).Current!).ToList();

        Assert.Equal(["checkout", "search", "database", "checkout"], outages.Select(o => o.ServiceId));
        Assert.Equal([HealthStatus.Down, HealthStatus.Degraded, HealthStatus.Down, HealthStatus.Degraded], outages.Select(o => o.Status));
        Assert.Equal([0, 1, 2, 3], outages.Select(o => o.Number));
    }
}
