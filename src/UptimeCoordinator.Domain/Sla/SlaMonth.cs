namespace UptimeCoordinator.Domain.Sla;

/// <summary>
/// The SLA period: a calendar month on the client's own wall clock, so a Berlin client's March
/// runs from midnight to midnight in Berlin and has 743 hours, its October 745.
/// </summary>
public static class SlaMonth
{
    // Before about 1900 zones ran on local mean time; the bounds also keep the day probes below
    // and the month after inside DateTime's range.
    public const int MinYear = 1900;
    public const int MaxYear = 9998;

    public static (DateTimeOffset From, DateTimeOffset To) Bounds(TimeZoneInfo zone, int year, int month)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);

        var first = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return (StartOfDay(zone, first), StartOfDay(zone, first.AddMonths(1)));
    }

    /// <summary>The month, on the client's wall clock, that <paramref name="instant"/> falls in.</summary>
    public static (int Year, int Month) Containing(TimeZoneInfo zone, DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return (local.Year, local.Month);
    }

    /// <summary>
    /// The first instant whose wall-clock time is at or after <paramref name="midnight"/>. A few
    /// zones change clocks at midnight: when midnight is skipped the day starts at the transition,
    /// when it repeats the day starts at its first occurrence. Trying the offsets in force a day
    /// either side covers both without parsing the zone's adjustment rules.
    /// </summary>
    private static DateTimeOffset StartOfDay(TimeZoneInfo zone, DateTime midnight)
    {
        DateTimeOffset? start = null;
        foreach (var probe in (ReadOnlySpan<DateTime>)[midnight.AddDays(-1), midnight, midnight.AddDays(1)])
        {
            var candidate = new DateTimeOffset(midnight.Ticks - zone.GetUtcOffset(probe).Ticks, TimeSpan.Zero);
            if (TimeZoneInfo.ConvertTime(candidate, zone).DateTime >= midnight && (start is null || candidate < start))
            {
                start = candidate;
            }
        }

        return TimeZoneInfo.ConvertTime(start ?? new DateTimeOffset(midnight, zone.BaseUtcOffset), zone);
    }
}
