using UptimeCoordinator.Domain.Health;

namespace UptimeCoordinator.Host.Demo;

/// <summary>
/// When the simulated monitor breaks what: <see cref="DemoOptions.FirstBreakAfter"/> after
/// <paramref name="start"/> the first service breaks, stays broken for
/// <see cref="DemoOptions.OutageDuration"/>, heals, and <see cref="DemoOptions.QuietDuration"/>
/// later the next one breaks, round robin. Outages alternate between down and degraded, and the
/// number of services is odd, so every service, in turn, shows both.
/// </summary>
internal sealed class DemoSchedule(DateTimeOffset start, DemoOptions options, IReadOnlyList<string> serviceIds)
{
    private TimeSpan Cycle => options.OutageDuration + options.QuietDuration;

    /// <summary>The outage under way at <paramref name="now"/>, or null, and when that next changes.</summary>
    public (DemoOutage? Current, DateTimeOffset NextChange) At(DateTimeOffset now)
    {
        var first = start + options.FirstBreakAfter;
        if (now < first)
        {
            return (null, first);
        }

        var number = (int)Math.Min(int.MaxValue, (now - first).Ticks / Cycle.Ticks);
        var outage = Outage(number);
        return now < outage.HealsAt ? (outage, outage.HealsAt) : (null, Outage(number + 1).BreaksAt);
    }

    public DemoOutage Outage(int number)
    {
        var breaksAt = start + options.FirstBreakAfter + Cycle * number;
        var status = number % 2 == 0 ? HealthStatus.Down : HealthStatus.Degraded;
        return new DemoOutage(number, serviceIds[number % serviceIds.Count], status, breaksAt, breaksAt + options.OutageDuration);
    }
}
