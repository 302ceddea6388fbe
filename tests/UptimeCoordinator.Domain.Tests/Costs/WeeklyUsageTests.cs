using System.Globalization;
using UptimeCoordinator.Domain.Costs;

namespace UptimeCoordinator.Domain.Tests.Costs;

public sealed class WeeklyUsageTests
{
    private static readonly IReadOnlyList<double> Curve = WeeklyUsage.BusinessHours;

    [Fact]
    public void TheDefaultCurveAveragesOne()
    {
        Assert.Equal(WeeklyUsage.Hours, Curve.Count);
        Assert.Equal(1.0, Curve.Average(), 12);
    }

    [Theory]
    [InlineData(0 * 24 + 9, 840.0 / 289)] // Monday 09:00: business
    [InlineData(4 * 24 + 16, 840.0 / 289)] // Friday 16:00: business
    [InlineData(1 * 24 + 17, 252.0 / 289)] // Tuesday 17:00: evening
    [InlineData(3 * 24 + 21, 252.0 / 289)] // Thursday 21:00: evening
    [InlineData(2 * 24 + 22, 84.0 / 289)] // Wednesday 22:00: night
    [InlineData(0 * 24 + 8, 84.0 / 289)] // Monday 08:00: night
    [InlineData(5 * 24 + 12, 84.0 / 289)] // Saturday noon: weekend
    [InlineData(6 * 24 + 23, 84.0 / 289)] // Sunday 23:00: weekend
    public void TheDefaultCurveWeighsBusinessEveningsAndNightsTenThreeAndOne(int hour, double weight) =>
        Assert.Equal(weight, Curve[hour], 12);

    [Theory]
    [InlineData("2026-01-12T00:00:00", 0)] // Monday midnight
    [InlineData("2026-01-13T14:59:59", 24 + 14)] // Tuesday 14:59
    [InlineData("2026-01-18T23:30:00", 167)] // Sunday 23:30
    [InlineData("2026-01-19T00:00:00", 0)] // the next Monday
    public void HoursOfTheWeekCountFromMondayMidnight(string local, int hour) =>
        Assert.Equal(hour, WeeklyUsage.HourOfWeek(DateTime.Parse(local, CultureInfo.InvariantCulture)));
}
