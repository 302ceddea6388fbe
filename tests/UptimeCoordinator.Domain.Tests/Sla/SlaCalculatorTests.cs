using UptimeCoordinator.Domain.Sla;
using static UptimeCoordinator.Domain.Services.ServiceStatus;
using static UptimeCoordinator.Domain.Tests.Sla.SlaScenario;

namespace UptimeCoordinator.Domain.Tests.Sla;

public sealed class SlaCalculatorTests
{
    private const int Precision = 9;

    [Fact]
    public void A216MinuteOutageInA30DayMonthEarnsTheTenPercentCredit()
    {
        // 43 200 eligible minutes, 216 down: (43 200 − 216) / 43 200 = 99.5 %, below 99.9 but not
        // 99.0, so 10 % of the 1 000 fee = 100.00. Budget 43 200 × 0.1 % = 43.2, left 43.2 − 216 = −172.8.
        var report = June([Span(MajorOutage, 1000, 1216)], terms: SlaTerms.Default with { MonthlyFee = 1000m });

        Assert.Equal(MonthMinutes, report.EligibleMinutes, Precision);
        Assert.Equal(216, report.DownMinutes, Precision);
        Assert.Equal(99.5, report.UptimePercent, Precision);
        Assert.False(report.Met);
        Assert.Equal(new CreditTier(99.9, 10), report.Tier);
        Assert.Equal(100.00m, report.CreditAmount);
        Assert.Equal(43.2, report.ErrorBudgetMinutes, Precision);
        Assert.Equal(-172.8, report.ErrorBudgetLeftMinutes, Precision);
    }

    [Fact]
    public void TheHarshestApplicableTierIsChosen()
    {
        // 2 592 of 43 200 minutes down = 6 %: uptime 94 % is below 99.9, 99.0 and 95.0; 95.0 wins: 100 %.
        var report = June([Span(MajorOutage, 0, 2592)], terms: SlaTerms.Default with { MonthlyFee = 1234.56m });

        Assert.Equal(94, report.UptimePercent, Precision);
        Assert.Equal(100, report.Tier!.CreditPercent);
        Assert.Equal(1234.56m, report.CreditAmount);
    }

    [Fact]
    public void CreditIsRoundedToCentsAwayFromZero()
    {
        // 10 % of 0.25 is 0.025, which rounds away from zero to 0.03.
        var report = June([Span(MajorOutage, 0, 216)], terms: SlaTerms.Default with { MonthlyFee = 0.25m });

        Assert.Equal(0.03m, report.CreditAmount);
    }

    [Fact]
    public void DowntimeExactlyOnBudgetMeetsTheTarget()
    {
        // 43.2 minutes (2 592 s) is the whole budget at 99.9 %: uptime is exactly 99.9, which meets it and earns no credit.
        var report = June([new StatusSpan("api", MajorOutage, At(100), At(100).AddSeconds(2592))]);

        Assert.True(report.Met);
        Assert.Null(report.Tier);
        Assert.Equal(0m, report.CreditAmount);
        Assert.Equal(0, report.ErrorBudgetLeftMinutes, Precision);
    }

    [Fact]
    public void APartialOutageCountsHalf()
    {
        // 120 minutes partial × 0.5 = 60 down: 100 − 100 × 60 / 43 200 = 99.86111… %.
        var report = June([Span(PartialOutage, 0, 120)]);

        Assert.Equal(60, report.DownMinutes, Precision);
        Assert.Equal(100 - (6000 / MonthMinutes), report.UptimePercent, Precision);
    }

    [Fact]
    public void DegradedPerformanceCountsNothingByDefault()
    {
        var report = June([Span(DegradedPerformance, 0, 600)]);

        Assert.Equal(0, report.DownMinutes);
        Assert.Equal(100, report.UptimePercent);
        Assert.True(report.Met);
    }

    [Fact]
    public void MaintenanceAnnouncedFourDaysAheadIsExcluded()
    {
        // 96 hours' notice ≥ 72: the 120-minute window leaves 43 080 eligible minutes and its
        // under_maintenance span is not downtime.
        var report = June([Span(UnderMaintenance, 5000, 5120)], [Window("mw-1", 5000, 5120, announcedHoursAhead: 96)]);
        var api = Assert.Single(report.Services);

        Assert.Equal(120, api.ExcludedMinutes, Precision);
        Assert.Equal(43_080, api.EligibleMinutes, Precision);
        Assert.Equal(0, api.DownMinutes);
        Assert.Equal(100, report.UptimePercent);
        Assert.Equal(["mw-1"], api.ExcludedMaintenanceIds);
        Assert.Empty(api.CountedMaintenanceIds);
    }

    [Fact]
    public void MaintenanceAnnouncedOneDayAheadCountsAsDowntime()
    {
        // 24 hours' notice < 72: nothing is excluded, and the 120 minutes under maintenance are down:
        // 100 − 100 × 120 / 43 200 = 99.72222… %, the 10 % tier.
        var report = June([Span(UnderMaintenance, 5000, 5120)], [Window("mw-1", 5000, 5120, announcedHoursAhead: 24)]);
        var api = Assert.Single(report.Services);

        Assert.Equal(0, api.ExcludedMinutes);
        Assert.Equal(MonthMinutes, api.EligibleMinutes, Precision);
        Assert.Equal(120, api.DownMinutes, Precision);
        Assert.Equal(100 - (12_000 / MonthMinutes), report.UptimePercent, Precision);
        Assert.Equal(10, report.Tier!.CreditPercent);
        Assert.Equal(["mw-1"], api.CountedMaintenanceIds);
        Assert.Empty(api.ExcludedMaintenanceIds);
    }

    [Fact]
    public void MaintenanceThatOverranCountsWhole()
    {
        // Announced in time but ended 30 minutes late: the whole 150 minutes of work count as down.
        var report = June(
            [Span(UnderMaintenance, 5000, 5150)],
            [Window("mw-1", 5000, 5120, announcedHoursAhead: 96, endedMinute: 5150)]);
        var api = Assert.Single(report.Services);

        Assert.Equal(0, api.ExcludedMinutes);
        Assert.Equal(150, api.DownMinutes, Precision);
        Assert.Equal(["mw-1"], api.CountedMaintenanceIds);
    }

    [Fact]
    public void MaintenanceThatEndedEarlyStillExcludesItsWindow()
    {
        var report = June([], [Window("mw-1", 5000, 5120, announcedHoursAhead: 96, endedMinute: 5060)]);

        Assert.Equal(120, report.Services[0].ExcludedMinutes, Precision);
    }

    [Fact]
    public void AnOutageInsideAQualifyingWindowIsNotDowntimeButOneAroundItIs()
    {
        // Major outage 4 900–5 200 around a window 5 000–5 120: only 4 900–5 000 and 5 120–5 200 count, 180 minutes.
        var report = June([Span(MajorOutage, 4900, 5200)], [Window("mw-1", 5000, 5120, announcedHoursAhead: 96)]);

        Assert.Equal(180, report.DownMinutes, Precision);
        Assert.Equal(MonthMinutes - 120, report.EligibleMinutes, Precision);
    }

    [Fact]
    public void OverlappingWindowsAreExcludedOnce()
    {
        // 5 000–5 120 and 5 060–5 200 cover 200 minutes together, not 260.
        var report = June([], [Window("mw-1", 5000, 5120, 96), Window("mw-2", 5060, 5200, 96)]);

        Assert.Equal(200, report.ExcludedMinutes, Precision);
        Assert.Equal(["mw-1", "mw-2"], report.Services[0].ExcludedMaintenanceIds);
    }

    [Fact]
    public void AWindowForAnotherServiceExcludesNothing()
    {
        var window = Window("mw-1", 5000, 5120, 96) with { ServiceIds = ["db"] };

        var report = June([Span(MajorOutage, 5000, 5120)], [window]);

        Assert.Equal(0, report.ExcludedMinutes);
        Assert.Equal(120, report.DownMinutes, Precision);
        Assert.Empty(report.Services[0].ExcludedMaintenanceIds);
    }

    [Fact]
    public void OverlappingSpansCountOnceWithTheWorstWeight()
    {
        // Partial through a dependency 0–180 under the service's own major outage 60–120, plus a
        // duplicate major span: 60 × 0.5 + 60 × 1 + 60 × 0.5 = 120 minutes, not 60 + 60 + 90 = 210.
        var report = June([Span(PartialOutage, 0, 180), Span(MajorOutage, 60, 120), Span(MajorOutage, 60, 120)]);

        Assert.Equal(120, report.DownMinutes, Precision);
    }

    [Fact]
    public void SpansAreClippedToTheMonth()
    {
        // An outage from May 31 23:00 to June 1 01:00 and one from June 30 23:30 into July: 60 + 30 minutes in June.
        var report = June([Span(MajorOutage, -60, 60), Span(MajorOutage, MonthMinutes - 30, MonthMinutes + 600)]);

        Assert.Equal(90, report.DownMinutes, Precision);
    }

    [Fact]
    public void AMonthInProgressIsMeasuredToNow()
    {
        // Now is June 10 12:00: 9.5 days = 13 680 minutes measured; the outage open since 11:00 has
        // run 60 minutes: 100 − 100 × 60 / 13 680 = 99.56140… %. Budget 13.68 minutes so far.
        var now = At(13_680);

        var report = June([Span(MajorOutage, 13_620, null)], now: now);

        Assert.Equal(now, report.MeasuredUntil);
        Assert.Equal(13_680, report.EligibleMinutes, Precision);
        Assert.Equal(60, report.DownMinutes, Precision);
        Assert.Equal(100 - (6000 / 13_680.0), report.UptimePercent, Precision);
        Assert.Equal(13.68, report.ErrorBudgetMinutes, Precision);
    }

    [Fact]
    public void AnOpenSpanInAPastMonthRunsToTheMonthsEnd()
    {
        var report = June([Span(MajorOutage, MonthMinutes - 100, null)]);

        Assert.Equal(100, report.DownMinutes, Precision);
        Assert.Equal(At(MonthMinutes), report.MeasuredUntil);
    }

    [Fact]
    public void AFutureMonthMeasuresNothing()
    {
        var report = June([Span(MajorOutage, -600, null)], [Window("mw-1", 10, 20, 1)], now: At(-60));

        Assert.Equal(MonthStart, report.MeasuredUntil);
        Assert.Equal(0, report.EligibleMinutes);
        Assert.Equal(100, report.UptimePercent);
        Assert.True(report.Met);
        Assert.Equal(0, report.ErrorBudgetMinutes);
        Assert.Empty(report.Services[0].CountedMaintenanceIds);
    }

    [Fact]
    public void ServicesWeighByTheirImpact()
    {
        // api (impact 1) down 60 of 43 200; db (impact 0.5) down 120 of 43 200.
        // Eligible 43 200 + 21 600 = 64 800, down 60 + 60 = 120: 100 − 100 × 120 / 64 800 = 99.81481… %.
        var report = June(
            [Span(MajorOutage, 0, 60), Span(MajorOutage, 0, 120, "db"), Span(MajorOutage, 0, 999, "unsubscribed")],
            subscriptions: [("api", 1.0), ("db", 0.5)]);

        Assert.Equal(["api", "db"], report.Services.Select(s => s.ServiceId));
        Assert.Equal(120, report.Services[1].DownMinutes, Precision);
        Assert.Equal(64_800, report.EligibleMinutes, Precision);
        Assert.Equal(120, report.DownMinutes, Precision);
        Assert.Equal(100 - (12_000 / 64_800.0), report.UptimePercent, Precision);
    }

    [Fact]
    public void AServiceOfNoImpactIsReportedButWeighsNothing()
    {
        var report = June([Span(MajorOutage, 0, 6000)], subscriptions: [("api", 0.0)]);

        Assert.Equal(6000, report.Services[0].DownMinutes, Precision);
        Assert.Equal(0, report.EligibleMinutes);
        Assert.Equal(100, report.UptimePercent);
        Assert.True(report.Met);
    }

    [Theory]
    [InlineData(3, 743)]
    [InlineData(10, 745)]
    [InlineData(6, 720)]
    public void ABerlinMonthFollowsTheLocalCalendarAcrossDaylightSaving(int month, int hours)
    {
        var report = SlaCalculator.Month(SlaTerms.Default, Berlin, 2026, month, Api, [], [], AfterMonth.AddYears(1));

        Assert.Equal(hours * 60, report.EligibleMinutes, Precision);
        Assert.Equal(0, report.From.Hour);
        Assert.Equal(0, report.To.Hour);
        Assert.Equal(1, report.To.Day);
    }
}
