using UptimeCoordinator.Domain.Costs;

namespace UptimeCoordinator.Domain.Maintenance;

/// <summary>
/// The recommender's grid. Every UTC offset in use is a whole number of quarter hours, and so is
/// every offset change, so a UTC quarter hour lies inside one local hour at one offset: its cost is
/// a single weight, and a window's cost a sum of slots.
/// </summary>
internal static class QuarterHours
{
    public const long Ticks = 15 * TimeSpan.TicksPerMinute;

    /// <summary>The first multiple of <paramref name="step"/> ticks (UTC) at or after <paramref name="at"/>, in UTC.</summary>
    public static DateTimeOffset RoundUp(DateTimeOffset at, long step = Ticks) =>
        new(CeilingDivide(at.UtcTicks, step) * step, TimeSpan.Zero);

    /// <summary>0 for Monday 00:00–00:59 of a local clock reading in ticks (0001-01-01 was a Monday), as cost curves are written.</summary>
    public static int HourOfWeek(long localTicks) => (int)(localTicks / TimeSpan.TicksPerHour % WeeklyUsage.Hours);

    public static long FloorDivide(long value, long divisor) =>
        value >= 0 ? value / divisor : -CeilingDivide(-value, divisor);

    public static long CeilingDivide(long value, long divisor) =>
        value >= 0 ? (value / divisor) + (value % divisor == 0 ? 0 : 1) : -FloorDivide(-value, divisor);
}
