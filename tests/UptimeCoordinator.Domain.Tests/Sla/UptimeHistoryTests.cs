using System.Diagnostics;
using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Services;
using UptimeCoordinator.Domain.Sla;

namespace UptimeCoordinator.Domain.Tests.Sla;

/// <summary>Worked examples of the day-by-day uptime a status page draws as bars.</summary>
public sealed class UptimeHistoryTests
{
    private const double Exact = 1e-9;
    private static readonly TimeZoneInfo Tokyo = TimeZones.Find("Asia/Tokyo");
    private static readonly TimeZoneInfo Berlin = TimeZones.Find("Europe/Berlin");
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static ImpactSpan Span(ServiceStatus status, DateTimeOffset from, DateTimeOffset? to, string service = "api", string incident = "i-1") =>
        new(incident, service, status, from, to);

    private static IReadOnlyList<DayUptime> Days(TimeZoneInfo zone, int days, DateTimeOffset now, params ImpactSpan[] spans) =>
        UptimeHistory.Daily(spans, ["api"], zone, days, now).Single().Days;

    private static double Up(double downMinutes, double ofMinutes) => 100 * (1 - (downMinutes / ofMinutes));

    [Fact]
    public void AnOutageAcrossLocalMidnightInTokyoCountsOnBothDays()
    {
        // 23:30 to 00:45 in Tokyo (UTC+9), which is 14:30 to 15:45 UTC on one UTC day.
        var now = new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.FromHours(9));
        var days = Days(Tokyo, 3, now, Span(ServiceStatus.MajorOutage,
            new DateTimeOffset(2026, 12, 2, 23, 30, 0, TimeSpan.FromHours(9)), new DateTimeOffset(2026, 12, 3, 0, 45, 0, TimeSpan.FromHours(9))));

        Assert.Equal([new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 3)], days.Select(d => d.Date));
        Assert.Equal([0, 30, 45], days.Select(d => d.DownMinutes));
        Assert.Equal(100.0, days[0].UptimePercent);
        Assert.Equal(Up(30, 1440), days[1].UptimePercent, Exact);
        Assert.Equal([ServiceStatus.Operational, ServiceStatus.MajorOutage, ServiceStatus.MajorOutage], days.Select(d => d.Worst));
    }

    [Fact]
    public void TodayIsMeasuredUpToNow()
    {
        // Noon: 45 minutes down in the 12 hours so far, not in 24.
        var day = Days(Tokyo, 1, new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.FromHours(9)),
            Span(ServiceStatus.MajorOutage, new DateTimeOffset(2026, 12, 3, 1, 0, 0, TimeSpan.FromHours(9)), new DateTimeOffset(2026, 12, 3, 1, 45, 0, TimeSpan.FromHours(9)))).Single();

        Assert.Equal(45, day.DownMinutes);
        Assert.Equal(Up(45, 720), day.UptimePercent, Exact);
    }

    [Fact]
    public void ASpringForwardDayInBerlinIsTwentyThreeHoursLong()
    {
        // Berlin moves from 02:00 to 03:00 on 29 March 2026: down all day is 23 hours, and an hour is 1/23 of it.
        var now = new DateTimeOffset(2026, 3, 30, 0, 1, 0, TimeSpan.FromHours(2));
        var spring = new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.FromHours(1));
        var allDay = Days(Berlin, 2, now, Span(ServiceStatus.MajorOutage, spring.AddHours(-3), spring.AddDays(2)));
        var anHour = Days(Berlin, 2, now, Span(ServiceStatus.MajorOutage, spring.AddHours(10), spring.AddHours(11)));

        Assert.Equal(new DateOnly(2026, 3, 29), allDay[0].Date);
        Assert.Equal(23 * 60, allDay[0].DownMinutes);
        Assert.Equal(0.0, allDay[0].UptimePercent);
        Assert.Equal(1, allDay[1].DownMinutes);
        Assert.Equal(Up(60, 23 * 60), anHour[0].UptimePercent, Exact);
    }

    [Fact]
    public void AFallBackDayInBerlinIsTwentyFiveHoursLong()
    {
        var fall = new DateTimeOffset(2026, 10, 25, 0, 0, 0, TimeSpan.FromHours(2));
        var days = Days(Berlin, 2, new DateTimeOffset(2026, 10, 26, 6, 0, 0, TimeSpan.FromHours(1)),
            Span(ServiceStatus.MajorOutage, fall, null));

        Assert.Equal(25 * 60, days[0].DownMinutes);
        Assert.Equal(6 * 60, days[1].DownMinutes);
    }

    [Fact]
    public void AMidnightThatRepeatsStartsTheDayAtItsFirstOccurrence()
    {
        // Havana falls back from 01:00 CDT to 00:00 CST on 1 November 2026: the day has two midnights and 25 hours.
        var havana = TimeZones.Find("America/Havana");
        var firstMidnight = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(-4));
        var days = Days(havana, 2, new DateTimeOffset(2026, 11, 2, 0, 30, 0, TimeSpan.FromHours(-5)),
            Span(ServiceStatus.MajorOutage, firstMidnight.AddMinutes(-10), null));

        Assert.Equal(new DateOnly(2026, 11, 1), days[0].Date);
        Assert.Equal(25 * 60, days[0].DownMinutes);
        Assert.Equal(30, days[1].DownMinutes);
    }

    [Fact]
    public void OverlappingIncidentsCountOnceAtTheWorstStatus()
    {
        var ten = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        var day = Days(TimeZoneInfo.Utc, 1, ten.AddHours(13),
            Span(ServiceStatus.PartialOutage, ten, ten.AddHours(2), incident: "i-1"),
            Span(ServiceStatus.MajorOutage, ten.AddHours(1), ten.AddHours(3), incident: "i-2"),
            Span(ServiceStatus.MajorOutage, ten.AddHours(1), ten.AddHours(2), incident: "i-3"),
            Span(ServiceStatus.DegradedPerformance, ten.AddHours(2), ten.AddHours(4), incident: "i-4")).Single();

        // 10-11 partial, 11-13 major, 13-14 degraded: down 180 minutes and degraded 60, not 360 and 120.
        Assert.Equal(180, day.DownMinutes);
        Assert.Equal(60, day.DegradedMinutes);
        Assert.Equal(ServiceStatus.MajorOutage, day.Worst);

        // The SLA's default weights: partial counts half, degraded not at all.
        Assert.Equal(Up(30 + 120, 23 * 60), day.UptimePercent, Exact);
    }

    [Fact]
    public void AnOpenSpanRunsToNowAndSpansOutsideTheRangeAreClipped()
    {
        var days = Days(TimeZoneInfo.Utc, 2, Noon,
            Span(ServiceStatus.MajorOutage, Noon.AddDays(-1).AddHours(-12).AddMinutes(-30), Noon.AddDays(-1).AddHours(-11), incident: "before"),
            Span(ServiceStatus.MajorOutage, Noon.AddMinutes(-20), null, incident: "open"),
            Span(ServiceStatus.MajorOutage, Noon.AddMinutes(5), null, incident: "later"));

        Assert.Equal([60, 20], days.Select(d => d.DownMinutes));
        Assert.Equal(Up(20, 720), days[1].UptimePercent, Exact);
    }

    [Fact]
    public void MaintenanceIsShownApartAndCostsNothingUnlessAnOutageCoversIt()
    {
        var day = Days(TimeZoneInfo.Utc, 1, Noon,
            Span(ServiceStatus.UnderMaintenance, Noon.AddHours(-6), Noon.AddHours(-5), incident: "mw-1"),
            Span(ServiceStatus.MajorOutage, Noon.AddHours(-5).AddMinutes(-15), Noon.AddHours(-5), incident: "i-1")).Single();

        Assert.Equal(15, day.DownMinutes);
        Assert.Equal(45, day.MaintenanceMinutes);
        Assert.Equal(0, day.DegradedMinutes);
        Assert.Equal(ServiceStatus.MajorOutage, day.Worst);
        Assert.Equal(Up(15, 720), day.UptimePercent, Exact);
    }

    [Fact]
    public void DegradedCountsAsDownWhereTheClientsSlaWeighsIt()
    {
        var terms = SlaTerms.Default with { DegradedWeight = 0.25 };
        var spans = new[] { Span(ServiceStatus.DegradedPerformance, Noon.AddHours(-4), Noon.AddHours(-2)) };

        var plain = UptimeHistory.Daily(spans, ["api"], TimeZoneInfo.Utc, 1, Noon).Single().Days.Single();
        var weighed = UptimeHistory.Daily(spans, ["api"], TimeZoneInfo.Utc, 1, Noon, terms).Single().Days.Single();

        Assert.Equal((0, 120, 100.0), (plain.DownMinutes, plain.DegradedMinutes, plain.UptimePercent));
        Assert.Equal((120, 0), (weighed.DownMinutes, weighed.DegradedMinutes));
        Assert.Equal(Up(0.25 * 120, 720), weighed.UptimePercent, Exact);
        Assert.Equal(ServiceStatus.DegradedPerformance, weighed.Worst);
    }

    [Fact]
    public void TheRangesPercentageWeighsDaysByTheirLength()
    {
        // Yesterday 144 of 1440 minutes down (90 %), today one hour up (100 %): 95 % by days, 90.4 % by time.
        var history = UptimeHistory.Daily(
            [Span(ServiceStatus.MajorOutage, Noon.AddDays(-1), Noon.AddDays(-1).AddMinutes(144))],
            ["api"], TimeZoneInfo.Utc, 2, Noon.AddHours(-11)).Single();

        Assert.Equal([90.0, 100.0], history.Days.Select(d => Math.Round(d.UptimePercent, 9)));
        Assert.Equal(Up(144, 1500), history.UptimePercent, Exact);
    }

    [Fact]
    public void MinutesRoundToTheNearestAndNeverAddUpToMoreThanTheDay()
    {
        var start = Noon.AddHours(-3);
        var seconds = Days(TimeZoneInfo.Utc, 1, Noon,
            Span(ServiceStatus.MajorOutage, start, start.AddSeconds(89), incident: "a"),
            Span(ServiceStatus.DegradedPerformance, start.AddHours(1), start.AddHours(1).AddSeconds(90), incident: "b")).Single();
        var halves = Days(TimeZoneInfo.Utc, 1, Noon.AddMinutes(-719),
            Span(ServiceStatus.MajorOutage, Noon.AddHours(-12), Noon.AddHours(-12).AddSeconds(30), incident: "c"),
            Span(ServiceStatus.DegradedPerformance, Noon.AddHours(-12).AddSeconds(30), Noon.AddHours(-11), incident: "d")).Single();

        Assert.Equal((1, 2), (seconds.DownMinutes, seconds.DegradedMinutes));

        // Half a minute each of a one-minute day: rounding each up would make two.
        Assert.Equal(1, halves.DownMinutes + halves.DegradedMinutes);
    }

    [Fact]
    public void AServiceWithoutSpansIsUpEveryDayAndOtherServicesSpansDoNotTouchIt()
    {
        var history = UptimeHistory.Daily([Span(ServiceStatus.MajorOutage, Noon.AddHours(-1), null, service: "db")], ["api", "db"], TimeZoneInfo.Utc, 90, Noon);

        Assert.Equal(["api", "db"], history.Select(h => h.ServiceId));
        Assert.Equal(90, history[0].Days.Count);
        Assert.Equal(new DateOnly(2026, 9, 3), history[0].Days[0].Date);
        Assert.All(history[0].Days, d => Assert.Equal((100.0, 0, ServiceStatus.Operational), (d.UptimePercent, d.DownMinutes + d.DegradedMinutes + d.MaintenanceMinutes, d.Worst)));
        Assert.Equal(100.0, history[0].UptimePercent);
        Assert.Equal(60, history[1].Days[^1].DownMinutes);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(401)]
    public void DaysOutOfRangeAreRefused(int days) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => UptimeHistory.Daily([], ["api"], TimeZoneInfo.Utc, days, Noon));

    [Theory]
    [InlineData(1)]
    [InlineData(400)]
    public void DaysAtTheLimitsAreMeasured(int days) =>
        Assert.Equal(days, UptimeHistory.Daily([], ["api"], TimeZoneInfo.Utc, days, Noon).Single().Days.Count);
}
