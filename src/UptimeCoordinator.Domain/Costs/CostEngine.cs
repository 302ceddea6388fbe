using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Costs;

/// <summary>
/// Downtime cost in closed form: the integral over real elapsed time of cost per hour × usage at
/// the local hour on the client's clock. Figures are computed from stored intervals at read time,
/// never accrued by ticking, so every silo and every read agrees to the last digit.
/// </summary>
/// <remarks>
/// A repeated hour at a fall-back is paid twice and a skipped hour at a spring-forward not at all:
/// an hour costs what the clock on the wall says while it passes.
/// </remarks>
public static class CostEngine
{
    /// <summary>
    /// ∫ costPerHour × usage(local hour of week at t) dt over [<paramref name="from"/>, <paramref name="to"/>),
    /// in currency units and unrounded, so sums of many intervals round only once; 0 when the
    /// interval is empty or reversed.
    /// </summary>
    public static decimal Integrate(CostProfile profile, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return 0;
        }

        var curve = new UsageCurve(profile.WeeklyUsage);
        var weightedHours = 0m;
        foreach (var (start, end, offset) in ConstantOffsetSpans.Between(zone, from, to))
        {
            weightedHours += curve.WeightedHours(start.UtcTicks + offset.Ticks, end.UtcTicks + offset.Ticks);
        }

        return profile.CostPerHour * weightedHours;
    }

    /// <summary>The cost of one subscription's service being in <paramref name="status"/> over an interval.</summary>
    /// <param name="impact">How much of the client's work stops when the service is fully down, 0..1.</param>
    public static decimal Cost(CostProfile profile, TimeZoneInfo zone, double impact, ServiceStatus status, DateTimeOffset from, DateTimeOffset to)
    {
        var share = Share(profile, impact, status);
        return share == 0 ? 0 : Integrate(profile, zone, from, to) * share;
    }

    /// <summary>What the outage costs per hour at the instant <paramref name="at"/>, for a display that ticks between reads.</summary>
    public static decimal RatePerHour(CostProfile profile, TimeZoneInfo zone, double impact, ServiceStatus status, DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone).DateTime;
        var weight = (decimal)profile.WeeklyUsage[WeeklyUsage.HourOfWeek(local)];
        return profile.CostPerHour * weight * Share(profile, impact, status);
    }

    /// <summary>Two decimal places for presentation, halves away from zero as invoices do; sum before rounding.</summary>
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    private static decimal Share(CostProfile profile, double impact, ServiceStatus status) =>
        (decimal)impact * (decimal)profile.SeverityFactors.For(status);
}
