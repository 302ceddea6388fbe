using System.Globalization;
using UptimeCoordinator.Domain.Costs;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Tests.Costs;

/// <summary>
/// Figures worked by hand. The default curve's raw weights sum to 40 × 1.0 (Mon–Fri 09–17)
/// + 25 × 0.3 (Mon–Fri 17–22) + 55 × 0.1 (other weekday hours) + 48 × 0.1 (weekend) = 57.8 over
/// 168 hours, so scaling to mean 1 multiplies by 168 / 57.8 = 840 / 289: a business hour weighs
/// 840/289 ≈ 2.9066, an evening hour 252/289 ≈ 0.8720 and a night or weekend hour 84/289 ≈ 0.2907.
/// </summary>
public sealed class CostExamplesTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo Kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
    private static readonly TimeZoneInfo Kathmandu = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kathmandu");
    private static readonly CostProfile Eur1000 = CostProfile.BusinessHours("EUR", 1000m);
    private static readonly CostProfile Flat = Eur1000 with { WeeklyUsage = Enumerable.Repeat(1.0, WeeklyUsage.Hours).ToArray() };

    [Fact]
    public void TwoBusinessHoursCostTenTimesTwoNightHours()
    {
        // Tuesday 13 January 2026 in Berlin (CET, UTC+1).
        // 14:00–16:00: 2 h × 840/289 × 1000 EUR = 1 680 000 / 289 ≈ 5813.1488 EUR.
        var afternoon = CostEngine.Integrate(Eur1000, Berlin, At("2026-01-13T14:00:00+01:00"), At("2026-01-13T16:00:00+01:00"));
        // 02:00–04:00: 2 h × 84/289 × 1000 EUR = 168 000 / 289 ≈ 581.3149 EUR.
        var night = CostEngine.Integrate(Eur1000, Berlin, At("2026-01-13T02:00:00+01:00"), At("2026-01-13T04:00:00+01:00"));

        AssertClose(1_680_000m / 289, afternoon);
        AssertClose(168_000m / 289, night);
        AssertClose(10m, afternoon / night);
    }

    [Fact]
    public void AHalfImpactPartialOutageCostsAQuarterOfTheFullOne()
    {
        // impact 0.5 × partial-outage factor 0.5 = 0.25 of the full figure:
        // afternoon 1 680 000 / 289 × 0.25 = 420 000 / 289 ≈ 1453.2872 → 1453.29 EUR;
        // night     168 000 / 289 × 0.25 =  42 000 / 289 ≈  145.3287 →  145.33 EUR.
        var afternoon = CostEngine.Cost(Eur1000, Berlin, 0.5, ServiceStatus.PartialOutage, At("2026-01-13T14:00:00+01:00"), At("2026-01-13T16:00:00+01:00"));
        var night = CostEngine.Cost(Eur1000, Berlin, 0.5, ServiceStatus.PartialOutage, At("2026-01-13T02:00:00+01:00"), At("2026-01-13T04:00:00+01:00"));

        AssertClose(420_000m / 289, afternoon);
        Assert.Equal(1453.29m, CostEngine.Round(afternoon));
        AssertClose(42_000m / 289, night);
        Assert.Equal(145.33m, CostEngine.Round(night));
    }

    [Fact]
    public void TheRateIsTheCostOfAnHourAtThatHour()
    {
        // 14:30 on a Tuesday: 1000 × 840/289 × 0.5 × 0.5 = 210 000 / 289 ≈ 726.64 EUR an hour.
        AssertClose(210_000m / 289, CostEngine.RatePerHour(Eur1000, Berlin, 0.5, ServiceStatus.PartialOutage, At("2026-01-13T14:30:00+01:00")));
        // 03:00: 1000 × 84/289 × 0.5 × 0.5 = 21 000 / 289 ≈ 72.66 EUR an hour.
        AssertClose(21_000m / 289, CostEngine.RatePerHour(Eur1000, Berlin, 0.5, ServiceStatus.PartialOutage, At("2026-01-13T03:00:00+01:00")));
        Assert.Equal(0m, CostEngine.RatePerHour(Eur1000, Berlin, 0.5, ServiceStatus.Operational, At("2026-01-13T14:30:00+01:00")));
    }

    [Fact]
    public void MaintenanceCostsAsMuchAsAMajorOutage() =>
        Assert.Equal(
            CostEngine.Cost(Eur1000, Berlin, 0.8, ServiceStatus.MajorOutage, At("2026-01-13T14:00:00+01:00"), At("2026-01-13T15:00:00+01:00")),
            CostEngine.Cost(Eur1000, Berlin, 0.8, ServiceStatus.UnderMaintenance, At("2026-01-13T14:00:00+01:00"), At("2026-01-13T15:00:00+01:00")));

    [Fact]
    public void AnOperationalServiceAndAnEmptyOrReversedIntervalCostNothing()
    {
        Assert.Equal(0m, CostEngine.Cost(Eur1000, Berlin, 1, ServiceStatus.Operational, At("2026-01-13T14:00:00+01:00"), At("2026-01-13T16:00:00+01:00")));
        Assert.Equal(0m, CostEngine.Integrate(Eur1000, Berlin, At("2026-01-13T14:00:00+01:00"), At("2026-01-13T14:00:00+01:00")));
        Assert.Equal(0m, CostEngine.Integrate(Eur1000, Berlin, At("2026-01-13T16:00:00+01:00"), At("2026-01-13T14:00:00+01:00")));
    }

    [Fact]
    public void ASpringForwardNightCostsItsSevenRealHours()
    {
        // 29 March 2026: Berlin goes from 02:00 CET straight to 03:00 CEST. Saturday 22:00 CET
        // (21:00Z) to Sunday 06:00 CEST (04:00Z) reads 8 hours on the clock but lasts 7.
        var cost = CostEngine.Integrate(Flat, Berlin, At("2026-03-28T22:00:00+01:00"), At("2026-03-29T06:00:00+02:00"));

        Assert.Equal(7 * 1000m, cost);
    }

    [Fact]
    public void AFallBackNightCostsItsNineRealHours()
    {
        // 25 October 2026: Berlin goes from 03:00 CEST back to 02:00 CET. Saturday 22:00 CEST
        // (20:00Z) to Sunday 06:00 CET (05:00Z) reads 8 hours on the clock but lasts 9.
        var cost = CostEngine.Integrate(Flat, Berlin, At("2026-10-24T22:00:00+02:00"), At("2026-10-25T06:00:00+01:00"));

        Assert.Equal(9 * 1000m, cost);
    }

    [Fact]
    public void TheRepeatedHourIsPaidTwiceAndTheSkippedHourNotAtAll()
    {
        // Sunday 02:00–03:00 (hour of week 6 × 24 + 2 = 146) weighs 5, every other hour 1.
        var weights = Enumerable.Repeat(1.0, WeeklyUsage.Hours).ToArray();
        weights[146] = 5;
        var profile = Flat with { WeeklyUsage = weights };

        // Fall back: Sunday 00:00 CEST (Sat 22:00Z) to 04:00 CET (03:00Z) passes the clock hours
        // 00, 01, 02 CEST, 02 CET, 03: 1 + 1 + 5 + 5 + 1 = 13 weight-hours in 5 real hours.
        Assert.Equal(13 * 1000m, CostEngine.Integrate(profile, Berlin, At("2026-10-25T00:00:00+02:00"), At("2026-10-25T04:00:00+01:00")));
        // Spring forward: Sunday 00:00 CET (Sat 23:00Z) to 04:00 CEST (02:00Z) passes 00, 01, 03:
        // 1 + 1 + 1 = 3 weight-hours in 3 real hours; 02:00 never shows.
        Assert.Equal(3 * 1000m, CostEngine.Integrate(profile, Berlin, At("2026-03-29T00:00:00+01:00"), At("2026-03-29T04:00:00+02:00")));
    }

    [Fact]
    public void KolkataHoursTurnOnTheHalfHourInUtc()
    {
        // Asia/Kolkata is UTC+05:30: 03:00Z–04:00Z on Tuesday 13 January 2026 is 08:30–09:30 IST,
        // half a night hour and half a business hour: 0.5 × (84 + 840)/289 × 1000 = 462 000 / 289 ≈ 1598.62 INR.
        var cost = CostEngine.Integrate(Eur1000 with { Currency = "INR" }, Kolkata, At("2026-01-13T03:00:00Z"), At("2026-01-13T04:00:00Z"));

        AssertClose(462_000m / 289, cost);
    }

    [Fact]
    public void KathmanduHoursTurnOnTheQuarterHourInUtc()
    {
        // Asia/Kathmandu is UTC+05:45: 03:00Z–04:00Z is 08:45–09:45 NPT,
        // 0.25 × 84/289 + 0.75 × 840/289 = 651/289 weight-hours × 1000 ≈ 2252.60.
        var cost = CostEngine.Integrate(Eur1000, Kathmandu, At("2026-01-13T03:00:00Z"), At("2026-01-13T04:00:00Z"));

        AssertClose(651_000m / 289, cost);
    }

    [Fact]
    public void AFlatCurveOverADecadeCostsExactlyItsElapsedHours()
    {
        // Twenty DST transitions, found without walking the decade minute by minute.
        var from = At("2020-01-01T00:00:00+01:00");
        var to = At("2030-01-01T00:00:00+01:00");

        Assert.Equal((decimal)(to - from).TotalHours * 1000m, CostEngine.Integrate(Flat, Berlin, from, to));
    }

    [Theory]
    [InlineData("1.005", "1.01")]
    [InlineData("-1.005", "-1.01")]
    [InlineData("2.004999", "2.00")]
    public void RoundingIsToCentsWithHalvesAwayFromZero(string amount, string rounded) =>
        Assert.Equal(decimal.Parse(rounded, CultureInfo.InvariantCulture),
            CostEngine.Round(decimal.Parse(amount, CultureInfo.InvariantCulture)));

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

    // The curve's weights are doubles, so a figure is exact to about 15 significant digits.
    private static void AssertClose(decimal expected, decimal actual) =>
        Assert.True(Math.Abs(expected - actual) <= Math.Abs(expected) * 1e-12m, $"expected {expected}, got {actual}");
}
