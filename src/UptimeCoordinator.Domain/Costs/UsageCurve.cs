namespace UptimeCoordinator.Domain.Costs;

/// <summary>
/// A weekly usage curve in closed form: the weight-hours accrued between two local clock readings
/// in O(1), from whole weeks, prefix sums of whole hours and the part of an hour at each end.
/// </summary>
internal sealed class UsageCurve
{
    private const long TicksPerWeek = TimeSpan.TicksPerDay * 7;

    private readonly decimal[] _weights = new decimal[WeeklyUsage.Hours];
    private readonly decimal[] _before = new decimal[WeeklyUsage.Hours + 1];

    public UsageCurve(IReadOnlyList<double> weeklyUsage)
    {
        if (weeklyUsage.Count != WeeklyUsage.Hours)
        {
            throw new ArgumentException($"A weekly usage curve has {WeeklyUsage.Hours} weights, not {weeklyUsage.Count}.", nameof(weeklyUsage));
        }

        for (var hour = 0; hour < WeeklyUsage.Hours; hour++)
        {
            _weights[hour] = (decimal)weeklyUsage[hour];
            _before[hour + 1] = _before[hour] + _weights[hour];
        }
    }

    public decimal WeekTotal => _before[WeeklyUsage.Hours];

    /// <summary>
    /// Weight-hours between two readings of one clock, in ticks since 0001-01-01 00:00, a Monday.
    /// Both must be read at the same UTC offset: then local time runs as fast as real time.
    /// </summary>
    public decimal WeightedHours(long fromLocalTicks, long toLocalTicks)
    {
        var (fromWeek, fromWithin) = Cumulative(fromLocalTicks);
        var (toWeek, toWithin) = Cumulative(toLocalTicks);
        return (toWeek - fromWeek) * WeekTotal + (toWithin - fromWithin);
    }

    // Weeks are kept apart from the weight-hours within one, and the two ends' parts are subtracted
    // before whole weeks are added: decimal keeps 28 digits, and a whole week is then exactly the
    // week's total whatever hour it starts at.
    private (long Week, decimal Within) Cumulative(long localTicks)
    {
        var week = Math.DivRem(localTicks, TicksPerWeek, out var inWeek);
        if (inWeek < 0)
        {
            week--;
            inWeek += TicksPerWeek;
        }

        var hour = (int)(inWeek / TimeSpan.TicksPerHour);
        var partOfHour = inWeek % TimeSpan.TicksPerHour;
        return (week, _before[hour] + _weights[hour] * partOfHour / TimeSpan.TicksPerHour);
    }
}
