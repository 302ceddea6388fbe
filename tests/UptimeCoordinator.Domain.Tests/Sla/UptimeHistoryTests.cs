using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Services;
using UptimeCoordinator.Domain.Sla;

namespace UptimeCoordinator.Domain.Tests.Sla;

/// <summary>Worked examples of the day-by-day uptime a status page draws as bars.</summary>
public sealed class UptimeHistoryTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZones.Find("Asia/Tokyo");
    private static readonly TimeZoneInfo Berlin = TimeZones.Find("Europe/Berlin");

    private static ImpactSpan Span(ServiceStatus status, DateTimeOffset from, DateTimeOffset? to, string service = "api", string incident = "i-1") =>
        new(incident, service, status, from, to);

    private static IReadOnlyList<DayUptime> Days(TimeZoneInfo zone, int days, DateTimeOffset now, params ImpactSpan[] spans) =>
        UptimeHistory.Daily(spans, ["api"], zone, days, now, SlaTerms.Default).Single().Days;

    [Fact]
    public void AnOutageAcrossLocalMidnightCountsOnBothDays()
    {
        // 23:30 to 00:45 in Tokyo (UTC+9): 30 minutes on the 2nd, 45 on the 3rd.
        var now = new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.FromHours(9));
        var days = Days(Tokyo, 3, now, Span(ServiceStatus.MajorOutage,
            new DateTimeOffset(2026, 12, 2, 23, 30, 0, TimeSpan.FromHours(9)), new DateTimeOffset(2026, 12, 3, 0, 45, 0, TimeSpan.FromHours(9))));

        Assert.Equal([new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 3)], days.Select(d => d.Date));
        Assert.Equal([0, 30, 45], days.Select(d => d.DownMinutes));
        Assert.Equal(100.0, days[0].UptimePercent);
        Assert.Equal(Math.Round(100 * (1 - (30.0 / 1440)), 4), days[1].UptimePercent);

        // Today is measured up to now: 12 hours.
        Assert.Equal(Math.Round(100 * (1 - (45.0 / 720)), 4), days[2].UptimePercent);
        Assert.Equal([ServiceStatus.Operational, ServiceStatus.MajorOutage, ServiceStatus.MajorOutage], days.Select(d => d.Worst));
    }

    [Fact]
    public void ASpringForwardDayIsTwentyThreeHoursLong()
    {
        // Berlin moves from 02:00 to 03:00 on 29 March 2026: an hour down that day is 1/23 of it.
        var now = new DateTimeOffset(2026, 3, 30, 0, 0, 0, TimeSpan.FromHours(2)).AddMinutes(1);
        var spring = new DateTimeOffset(2026, 3, 29, 10, 0, 0, TimeSpan.FromHours(2));
        var days = Days(Berlin, 2, now, Span(ServiceStatus.MajorOutage, spring, spring.AddHours(1)));

        Assert.Equal(new DateOnly(2026, 3, 29), days[0].Date);
        Assert.Equal(60, days[0].DownMinutes);
        Assert.Equal(Math.Round(100 * (1 - (60.0 / (23 * 60))), 4), days[0].UptimePercent);
    }

    [Fact]
    public void OverlappingIncidentsCountOnceAtTheWorstStatus()
    {
        var now = new DateTimeOffset(2026, 12, 1, 23, 0, 0, TimeSpan.Zero);
        var ten = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        var day = Days(TimeZoneInfo.Utc, 1, now,
            Span(ServiceStatus.PartialOutage, ten, ten.AddHours(2), incident: "i-1"),
            Span(ServiceStatus.MajorOutage, ten.AddHours(1), ten.AddHours(3), incident: "i-2"),
            Span(ServiceStatus.DegradedPerformance, ten.AddHours(2), ten.AddHours(4), incident: "i-3")).Single();

        // 10-11 partial, 11-13 major, 13-14 degraded: down 180 minutes, degraded 60, not 300 and 120.
        Assert.Equal(180, day.DownMinutes);
        Assert.Equal(60, day.DegradedMinutes);
        Assert.Equal(ServiceStatus.MajorOutage, day.Worst);

        // The SLA's weights: partial counts half, degraded not at all by default.
        Assert.Equal(Math.Round(100 * (1 - ((30 + 120) / (23.0 * 60))), 4), day.UptimePercent);
    }

    [Fact]
    public void AnOpenSpanRunsToNowAndMaintenanceIsShownButNotCountedAsDown()
    {
        var now = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        var day = Days(TimeZoneInfo.Utc, 1, now,
            Span(ServiceStatus.UnderMaintenance, now.AddHours(-6), now.AddHours(-5), incident: "mw-1"),
            Span(ServiceStatus.MajorOutage, now.AddMinutes(-20), null)).Single();

        Assert.Equal(20, day.DownMinutes);
        Assert.Equal(60, day.MaintenanceMinutes);
        Assert.Equal(Math.Round(100 * (1 - (20.0 / 720)), 4), day.UptimePercent);
    }

    [Fact]
    public void AServiceWithoutSpansIsUpEveryDayAndOtherServicesSpansDoNotTouchIt()
    {
        var now = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        var history = UptimeHistory.Daily([Span(ServiceStatus.MajorOutage, now.AddHours(-1), null, service: "db")], ["api", "db"], TimeZoneInfo.Utc, 90, now, SlaTerms.Default);

        Assert.Equal(90, history[0].Days.Count);
        Assert.All(history[0].Days, d => Assert.Equal(100.0, d.UptimePercent));
        Assert.Equal(100.0, history[0].UptimePercent);
        Assert.Equal(60, history[1].Days[^1].DownMinutes);
        Assert.True(history[1].UptimePercent < 100.0);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(401)]
    public void DaysOutOfRangeAreRefused(int days) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => UptimeHistory.Daily([], ["api"], TimeZoneInfo.Utc, days, DateTimeOffset.UnixEpoch.AddYears(50), SlaTerms.Default));
}
