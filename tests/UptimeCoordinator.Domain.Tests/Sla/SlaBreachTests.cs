using UptimeCoordinator.Domain.Sla;
using static UptimeCoordinator.Domain.Services.ServiceStatus;
using static UptimeCoordinator.Domain.Tests.Sla.SlaScenario;

namespace UptimeCoordinator.Domain.Tests.Sla;

public sealed class SlaBreachTests
{
    // Test instants come from AddMinutes on fractions; a millisecond covers their rounding.
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(1);

    private static DateTimeOffset? Crossing(IReadOnlyList<StatusSpan> spans, DateTimeOffset now, IReadOnlyList<MaintenanceSpan>? maintenance = null) =>
        SlaBreach.CrossingTime(SlaTerms.Default, TimeZoneInfo.Utc, Year, Month, Api, spans, maintenance ?? [], now);

    private static void AssertNear(DateTimeOffset expected, DateTimeOffset? actual)
    {
        Assert.NotNull(actual);
        Assert.InRange(actual.Value, expected - Slack, expected + Slack);
    }

    [Fact]
    public void AnOpenOutageCrossesWhenDownMinutesOutgrowTheBudget()
    {
        // Outage open since minute 14 400 (June 11 00:00). At minute t the month-to-date budget is
        // 0.001 t, the down time t − 14 400: they meet at t = 14 400 / 0.999 = 14 414.414… minutes.
        var crossing = Crossing([Span(MajorOutage, 14_400, null)], At(14_410));

        AssertNear(At(14_400 / 0.999), crossing);
    }

    [Fact]
    public void APartialOutageCrossesAtHalfTheRate()
    {
        // 0.5 (t − 14 400) = 0.001 t  ⇒  t = 7 200 / 0.499.
        var crossing = Crossing([Span(PartialOutage, 14_400, null)], At(14_410));

        AssertNear(At(7_200 / 0.499), crossing);
    }

    [Fact]
    public void AQualifyingWindowPausesTheClock()
    {
        // A window 14 405–14 500 stops both the budget and the outage for 95 minutes:
        // (t − 14 400 − 95) = 0.001 (t − 95)  ⇒  t = (14 495 − 0.095) / 0.999.
        var crossing = Crossing([Span(MajorOutage, 14_400, null)], At(14_401), [Window("mw-1", 14_405, 14_500, 96)]);

        AssertNear(At((14_495 - 0.095) / 0.999), crossing);
    }

    [Fact]
    public void AMonthAlreadyBelowTargetHasCrossedNow()
    {
        var now = At(20_000);

        Assert.Equal(now, Crossing([Span(MajorOutage, 0, 100)], now));
    }

    [Fact]
    public void NothingOpenNeverCrosses() =>
        Assert.Null(Crossing([Span(MajorOutage, 0, 10)], At(20_000)));

    [Fact]
    public void AnOutageTooLateInTheMonthDoesNotCross() =>
        Assert.Null(Crossing([Span(MajorOutage, MonthMinutes - 10, null)], At(MonthMinutes - 5)));
}
