using UptimeCoordinator.Domain.Costs;

namespace UptimeCoordinator.Domain.Maintenance;

/// <summary>
/// How long a zone's clock shows each hour of week during an interval. A short window touches a
/// few hours, so pricing it for a group of clients is a few multiplications, whatever its length.
/// </summary>
internal static class LocalHours
{
    /// <summary>The hours of week <c>[from, to)</c> spends on the zone's clock, in hours, each listed once; a repeated hour at a fall-back counts twice.</summary>
    public static List<(int Hour, decimal Hours)> Spent(TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to)
    {
        var ticks = new long[WeeklyUsage.Hours];
        foreach (var (start, end, offset) in ConstantOffsetSpans.Between(zone, from, to))
        {
            var local = start.UtcTicks + offset.Ticks;
            var localEnd = end.UtcTicks + offset.Ticks;
            while (local < localEnd)
            {
                var next = Math.Min((local / TimeSpan.TicksPerHour + 1) * TimeSpan.TicksPerHour, localEnd);
                ticks[QuarterHours.HourOfWeek(local)] += next - local;
                local = next;
            }
        }

        var spent = new List<(int Hour, decimal Hours)>();
        for (var hour = 0; hour < ticks.Length; hour++)
        {
            if (ticks[hour] != 0)
            {
                spent.Add((hour, (decimal)ticks[hour] / TimeSpan.TicksPerHour));
            }
        }

        return spent;
    }
}
