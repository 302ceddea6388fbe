using CsCheck;
using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Costs;
using UptimeCoordinator.Domain.Services;
using static UptimeCoordinator.Domain.Services.ServiceStatus;

namespace UptimeCoordinator.Domain.Tests.Costs;

/// <summary>
/// Mostly on a flat curve at 1 000 EUR an hour in UTC, so an hour of full outage of a service of
/// impact 1 costs exactly 1 000 and the figures can be checked by eye.
/// </summary>
public sealed class ClientCostsTests
{
    private static readonly CostProfile Flat = new("EUR", 1000m, Enumerable.Repeat(1.0, WeeklyUsage.Hours).ToArray(), SeverityFactors.Default);

    // api stops all of the client's work, db half of it; "legacy" is not (or no longer) subscribed.
    private static readonly ClientDefinition Acme =
        new("acme", "Acme", "UTC", [new Subscription("api", 1.0), new Subscription("db", 0.5)], [], Flat);

    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    // A decimal keeps at most 28 digits after the point, so a total far below a cent (tiny weights
    // and impacts) has few significant digits: each of a dozen sums may round its last place.
    private const decimal DecimalResolution = 1e-26m;

    // Around Berlin's spring-forward on 29 March 2026, so that ranges and spans straddle an offset change.
    private static readonly DateTimeOffset Base = new(2026, 3, 20, 0, 0, 0, TimeSpan.Zero);

    private static readonly Gen<DateTimeOffset> Instant = Gen.Long[-5 * TimeSpan.TicksPerDay, 25 * TimeSpan.TicksPerDay].Select(t => Base.AddTicks(t));

    private static readonly Gen<ClientDefinition> Clients =
        Gen.Select(Gen.OneOf("UTC", "Europe/Berlin", "Australia/Lord_Howe"), CostGens.Profiles, Gen.Double[0, 1], Gen.Double[0, 1])
            .Select((zone, profile, api, db) => Acme with { TimeZone = zone, CostProfile = profile, Subscriptions = [new("api", api), new("db", db)] });

    private static readonly Gen<ImpactSpan[]> Ledgers =
        Gen.Select(Gen.OneOf("inc-1", "inc-2", "inc-3"), Gen.OneOf("api", "db", "legacy"), Gen.Enum<ServiceStatus>(), Instant, Gen.Long[1, 4 * TimeSpan.TicksPerDay], Gen.Int[0, 4])
            .Select((incident, service, status, from, length, open) => new ImpactSpan(incident, service, status, from, open == 0 ? null : from.AddTicks(length)))
            .Array[0, 10];

    private static DateTimeOffset H(double hours) => T0.AddHours(hours);

    private static ImpactSpan Span(string incidentId, string serviceId, ServiceStatus status, double from, double? to) =>
        new(incidentId, serviceId, status, H(from), to is { } end ? H(end) : null);

    private static ClientCostBreakdown Over(IEnumerable<ImpactSpan> spans, double from, double to, double now = 1000, ClientDefinition? client = null) =>
        ClientCosts.Over(client ?? Acme, spans, H(from), H(to), H(now))!;

    [Fact]
    public void WithoutACostProfileThereAreNoFigures()
    {
        var client = Acme with { CostProfile = null };
        ImpactSpan[] spans = [Span("inc-1", "api", MajorOutage, 0, null)];

        Assert.Null(ClientCosts.Over(client, spans, H(0), H(10), H(5)));
        Assert.Null(ClientCosts.OfIncident(client, spans, "inc-1", H(5)));
        Assert.Null(ClientCosts.RatePerHour(client, spans, "inc-1", H(5)));
    }

    [Fact]
    public void TheBreakdownIsInTheProfilesCurrencyOverTheAskedRange()
    {
        var breakdown = ClientCosts.Over(Acme with { CostProfile = Flat with { Currency = "CHF" } }, [], H(0), H(24), H(30))!;

        Assert.Equal(("CHF", H(0), H(24), 0m), (breakdown.Currency, breakdown.From, breakdown.To, breakdown.Total));
        Assert.Empty(breakdown.ByIncident);
        Assert.Empty(breakdown.ByService);
    }

    [Theory]
    [InlineData(10, 11, 1000)] // inside the span
    [InlineData(0, 10, 2000)] // the span starts before the range ends
    [InlineData(11, 20, 1000)] // the span ends inside the range
    [InlineData(0, 24, 4000)] // the whole span
    [InlineData(12, 24, 0)] // the range starts as the span ends: [from, to) shares no instant
    [InlineData(0, 8, 0)] // the range ends as the span starts
    public void ASpanCostsOnlyItsHoursInsideTheRange(double from, double to, int expected)
    {
        var breakdown = Over([Span("inc-1", "api", MajorOutage, 8, 12)], from, to);

        Assert.Equal(expected, breakdown.Total);
    }

    [Theory]
    [InlineData(0, 24, 12.5, 2500)] // runs from 10:00 to now, 12:30
    [InlineData(0, 11, 12.5, 1000)] // the range ends before now
    [InlineData(11, 24, 12.5, 1500)]
    [InlineData(0, 24, 9, 0)] // now is before the span began
    public void AnOpenSpanRunsUntilNow(double from, double to, double now, int expected)
    {
        var breakdown = Over([Span("inc-1", "api", MajorOutage, 10, null)], from, to, now);

        Assert.Equal(expected, breakdown.Total);
    }

    [Fact]
    public void TheSubscriptionsImpactScalesTheCost()
    {
        // db has impact 0.5: 2 h × 1 000 × 0.5.
        var breakdown = Over([Span("inc-1", "db", MajorOutage, 0, 2)], 0, 24);

        Assert.Equal(1000m, breakdown.Total);
    }

    [Theory]
    [InlineData(MajorOutage, 2000)]
    [InlineData(UnderMaintenance, 2000)]
    [InlineData(PartialOutage, 1000)] // factor 0.5
    [InlineData(DegradedPerformance, 400)] // factor 0.2
    [InlineData(Operational, 0)]
    public void TheSeverityFactorScalesTheCost(ServiceStatus status, int expected)
    {
        var breakdown = Over([Span("inc-1", "api", status, 0, 2)], 0, 24);

        Assert.Equal(expected, breakdown.Total);
    }

    [Fact]
    public void ImpactAndSeverityMultiply()
    {
        // 4 h × 1 000 × impact 0.5 × degraded 0.2 = 400.
        var breakdown = Over([Span("inc-1", "db", DegradedPerformance, 0, 4)], 0, 24);

        Assert.Equal(400m, breakdown.Total);
    }

    [Fact]
    public void SpansOfServicesTheClientDoesNotSubscribeToCostNothing()
    {
        ImpactSpan[] spans = [Span("inc-1", "legacy", MajorOutage, 0, 5), Span("inc-1", "db", MajorOutage, 0, 5)];

        var unsubscribedLater = Over(spans, 0, 24, client: Acme with { Subscriptions = [new Subscription("api", 1.0)] });
        var neverSubscribed = Over([spans[0]], 0, 24);

        Assert.Equal(0m, unsubscribedLater.Total);
        Assert.Empty(unsubscribedLater.ByIncident);
        Assert.Empty(unsubscribedLater.ByService);
        Assert.Equal(0m, neverSubscribed.Total);
        Assert.Empty(neverSubscribed.ByService);
    }

    [Fact]
    public void AServiceHitByTwoIncidentsAtOnceCountsForEach()
    {
        // Its own outage and a dependency's, overlapping for an hour: 2 000 + 1 000.
        var breakdown = Over([Span("inc-1", "api", MajorOutage, 0, 2), Span("inc-2", "api", MajorOutage, 1, 2)], 0, 24);

        Assert.Equal(3000m, breakdown.Total);
        Assert.Equal([new CostShare("api", 3000m)], breakdown.ByService);
    }

    [Fact]
    public void SharesAreListedLargestFirstThenById()
    {
        ImpactSpan[] spans =
        [
            Span("inc-d", "db", MajorOutage, 0, 2), // 2 h × 0.5 = 1 000
            Span("inc-a", "api", MajorOutage, 0, 1), // 1 000
            Span("inc-c", "db", MajorOutage, 3, 6), // 3 h × 0.5 = 1 500
            Span("inc-b", "api", MajorOutage, 2, 5), // 3 000
        ];

        var breakdown = Over(spans, 0, 24);

        Assert.Equal(6500m, breakdown.Total);
        Assert.Equal(
            [new CostShare("inc-b", 3000m), new CostShare("inc-c", 1500m), new CostShare("inc-a", 1000m), new CostShare("inc-d", 1000m)],
            breakdown.ByIncident);
        Assert.Equal([new CostShare("api", 4000m), new CostShare("db", 2500m)], breakdown.ByService);
    }

    [Fact]
    public void AnIncidentCostsItsWholeHistoryUpToNow()
    {
        ImpactSpan[] spans =
        [
            Span("inc-1", "api", MajorOutage, -48, -47), // 1 000, two days ago
            Span("inc-1", "db", PartialOutage, 8, null), // 4 h × 0.5 × 0.5 = 1 000 by now
            Span("inc-2", "api", MajorOutage, 0, null), // another incident
        ];

        Assert.Equal(2000m, ClientCosts.OfIncident(Acme, spans, "inc-1", H(12)));
        Assert.Equal(0m, ClientCosts.OfIncident(Acme, spans, "inc-unknown", H(12)));
    }

    [Fact]
    public void TheRateCountsOnlyTheIncidentsSpansOpenNow()
    {
        ImpactSpan[] spans =
        [
            Span("inc-1", "api", MajorOutage, 0, null), // 1 000 an hour
            Span("inc-1", "db", PartialOutage, 1, null), // 1 000 × 0.5 × 0.5 = 250 an hour
            Span("inc-1", "api", PartialOutage, -5, -1), // closed
            Span("inc-1", "legacy", MajorOutage, 0, null), // not subscribed
            Span("inc-1", "db", MajorOutage, 20, null), // not begun yet
            Span("inc-2", "api", MajorOutage, 0, null), // another incident
        ];

        Assert.Equal(1250m, ClientCosts.RatePerHour(Acme, spans, "inc-1", H(10)));
        Assert.Equal(0m, ClientCosts.RatePerHour(Acme, spans, "inc-3", H(10)));
    }

    [Fact]
    public void OnTheDefaultCurveTheHoursAreReadOnTheClientsClock()
    {
        // Tuesday 13 January 2026, 07:00Z–09:00Z is 08:00–10:00 in Berlin (CET): a night hour and a
        // business hour, (84 + 840) / 289 weight-hours; × 1 000 × impact 0.5 × partial 0.5 = 231 000 / 289
        // ≈ 799.31 EUR. On a UTC clock both hours are night hours: 168 / 289 × 250 = 42 000 / 289 ≈ 145.33.
        var berlin = Acme with { TimeZone = "Europe/Berlin", CostProfile = CostProfile.BusinessHours("EUR", 1000m) };
        var from = new DateTimeOffset(2026, 1, 13, 7, 0, 0, TimeSpan.Zero);
        ImpactSpan[] spans = [new("inc-1", "db", PartialOutage, from, from.AddHours(2))];

        var local = ClientCosts.Over(berlin, spans, from.AddDays(-1), from.AddDays(1), from.AddDays(2))!.Total;
        var utc = ClientCosts.Over(berlin with { TimeZone = "UTC" }, spans, from.AddDays(-1), from.AddDays(1), from.AddDays(2))!.Total;

        AssertClose(231_000m / 289, local);
        Assert.Equal(799.31m, CostEngine.Round(local));
        AssertClose(42_000m / 289, utc);
    }

    [Fact]
    public void OnTheDefaultCurveTheRateIsThatOfTheLocalHour()
    {
        // 13:30Z is 14:30 in Berlin on a Tuesday: 1 000 × 840/289 × 0.5 × 0.5 = 210 000 / 289 ≈ 726.64 an hour.
        var berlin = Acme with { TimeZone = "Europe/Berlin", CostProfile = CostProfile.BusinessHours("EUR", 1000m) };
        var now = new DateTimeOffset(2026, 1, 13, 13, 30, 0, TimeSpan.Zero);
        ImpactSpan[] spans = [new("inc-1", "db", PartialOutage, now.AddHours(-3), null)];

        AssertClose(210_000m / 289, ClientCosts.RatePerHour(berlin, spans, "inc-1", now)!.Value);
    }

    [Fact]
    public void CostIsAdditiveOverAdjacentRanges()
    {
        Gen.Select(Clients, Ledgers, Instant, Instant, Instant, Instant)
            .Sample((client, spans, x, y, z, now) =>
            {
                var sorted = new[] { x, y, z }.Order().ToArray();
                var (a, b, c) = (sorted[0], sorted[1], sorted[2]);

                var whole = ClientCosts.Over(client, spans, a, c, now)!.Total;
                var parts = ClientCosts.Over(client, spans, a, b, now)!.Total + ClientCosts.Over(client, spans, b, c, now)!.Total;

                return CostGens.Close(whole, parts, 1e-20m, DecimalResolution);
            }, iter: 200);
    }

    [Fact]
    public void TheTotalIsTheSumByIncidentAndTheSumByService()
    {
        Gen.Select(Clients, Ledgers, Instant, Instant, Instant)
            .Sample((client, spans, x, y, now) =>
            {
                var breakdown = ClientCosts.Over(client, spans, x < y ? x : y, x < y ? y : x, now)!;

                return CostGens.Close(breakdown.Total, breakdown.ByIncident.Sum(s => s.Amount), 1e-20m, DecimalResolution)
                    && CostGens.Close(breakdown.Total, breakdown.ByService.Sum(s => s.Amount), 1e-20m, DecimalResolution);
            }, iter: 200);
    }

    // The curve's weights are doubles, so a figure is exact to about 15 significant digits.
    private static void AssertClose(decimal expected, decimal actual) =>
        Assert.True(Math.Abs(expected - actual) <= Math.Abs(expected) * 1e-12m, $"expected {expected}, got {actual}");
}
