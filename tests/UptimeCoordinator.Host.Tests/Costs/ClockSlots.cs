namespace UptimeCoordinator.Host.Tests.Costs;

/// <summary>
/// Where a test's story can take place on a clock that only moves forward (<see cref="ManualClock"/>):
/// the first slot of the wanted shape after the clock's now. Tests of one class share a host and so
/// a clock, and run in an order of xunit's choosing; each finds its own slot instead of assuming one.
/// </summary>
internal static class ClockSlots
{
    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>The first <paramref name="day"/> at <paramref name="hour"/>:00 on <paramref name="zone"/>'s wall clock after <paramref name="after"/>.</summary>
    public static DateTimeOffset NextLocal(DateTimeOffset after, TimeZoneInfo zone, DayOfWeek day, int hour)
    {
        var date = TimeZoneInfo.ConvertTime(after, zone).Date;
        while (true)
        {
            var local = date.AddHours(hour);
            var instant = new DateTimeOffset(local, zone.GetUtcOffset(local));
            if (local.DayOfWeek == day && instant > after)
            {
                return instant.ToUniversalTime();
            }

            date = date.AddDays(1);
        }
    }

    /// <summary>The first calendar month of 30 days (UTC) that starts after <paramref name="after"/>: 43 200 minutes.</summary>
    public static (int Year, int Month, DateTimeOffset Start) Next30DayMonth(DateTimeOffset after)
    {
        var start = new DateTimeOffset(after.UtcDateTime.Year, after.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);
        while (start <= after || DateTime.DaysInMonth(start.Year, start.Month) != 30)
        {
            start = start.AddMonths(1);
        }

        return (start.Year, start.Month, start);
    }
}
