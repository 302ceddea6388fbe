using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Domain.Services;
using static UptimeCoordinator.Domain.Services.ServiceStatus;

namespace UptimeCoordinator.Domain.Tests.Clients;

public sealed class ImpactLedgerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 10, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(int minute) => T0.AddMinutes(minute);

    private static AffectedService Affected(string serviceId, ServiceStatus status) => new(serviceId, serviceId.ToUpperInvariant(), status);

    private static ImpactSpan Span(string incidentId, string serviceId, ServiceStatus status, int from, int? to) =>
        new(incidentId, serviceId, status, At(from), to is { } end ? At(end) : null);

    [Fact]
    public void AFirstNonOperationalStatusOpensASpan()
    {
        var ledger = new ImpactLedger();

        Assert.True(ledger.Apply("inc-1", [Affected("api", MajorOutage)], At(0)));

        Assert.Equal([Span("inc-1", "api", MajorOutage, 0, null)], ledger.Spans);
    }

    [Fact]
    public void AStatusChangeClosesTheOldSpanThenAndOpensANewOne()
    {
        var ledger = new ImpactLedger();
        ledger.Apply("inc-1", [Affected("api", MajorOutage)], At(0));

        Assert.True(ledger.Apply("inc-1", [Affected("api", PartialOutage)], At(30)));

        Assert.Equal([Span("inc-1", "api", MajorOutage, 0, 30), Span("inc-1", "api", PartialOutage, 30, null)], ledger.Spans);
    }

    [Fact]
    public void RepeatingTheSameStatusChangesNothing()
    {
        var ledger = new ImpactLedger();
        ledger.Apply("inc-1", [Affected("api", MajorOutage)], At(0));

        Assert.False(ledger.Apply("inc-1", [Affected("api", MajorOutage)], At(30)));

        Assert.Equal([Span("inc-1", "api", MajorOutage, 0, null)], ledger.Spans);
    }

    [Fact]
    public void AnOperationalServiceClosesItsSpanWithoutOpeningAnother()
    {
        var ledger = new ImpactLedger();
        ledger.Apply("inc-1", [Affected("api", MajorOutage)], At(0));

        Assert.True(ledger.Apply("inc-1", [Affected("api", Operational)], At(45)));

        Assert.Equal([Span("inc-1", "api", MajorOutage, 0, 45)], ledger.Spans);
    }

    [Fact]
    public void AnOperationalServiceWithoutAnOpenSpanChangesNothing()
    {
        var ledger = new ImpactLedger();

        Assert.False(ledger.Apply("inc-1", [Affected("api", Operational)], At(0)));

        Assert.Empty(ledger.Spans);
    }

    [Fact]
    public void ServicesOfTheIncidentNotListedKeepTheirSpans()
    {
        var ledger = new ImpactLedger();
        ledger.Apply("inc-1", [Affected("api", MajorOutage), Affected("db", DegradedPerformance)], At(0));

        ledger.Apply("inc-1", [Affected("api", Operational)], At(20));

        Assert.Equal([Span("inc-1", "api", MajorOutage, 0, 20), Span("inc-1", "db", DegradedPerformance, 0, null)], ledger.Spans);
    }

    [Fact]
    public void TwoIncidentsOnOneServiceKeepSeparateSpans()
    {
        // The service's own outage and one reaching it through a dependency: each incident ends only its own.
        var ledger = new ImpactLedger();
        ledger.Apply("inc-1", [Affected("api", MajorOutage)], At(0));

        Assert.True(ledger.Apply("inc-2", [Affected("api", MajorOutage)], At(10)));
        Assert.True(ledger.Apply("inc-2", [Affected("api", Operational)], At(25)));

        Assert.Equal([Span("inc-1", "api", MajorOutage, 0, null), Span("inc-2", "api", MajorOutage, 10, 25)], ledger.Spans);
    }

    [Fact]
    public void CloseEndsEveryOpenSpanOfTheIncidentAndLeavesOtherIncidentsOpen()
    {
        var ledger = new ImpactLedger
        {
            Spans =
            [
                Span("inc-1", "api", MajorOutage, 0, 10),
                Span("inc-1", "api", PartialOutage, 10, null),
                Span("inc-1", "db", DegradedPerformance, 5, null),
                Span("inc-2", "api", MajorOutage, 3, null),
            ],
        };

        Assert.True(ledger.Close("inc-1", At(60)));

        Assert.Equal(
            [
                Span("inc-1", "api", MajorOutage, 0, 10),
                Span("inc-1", "api", PartialOutage, 10, 60),
                Span("inc-1", "db", DegradedPerformance, 5, 60),
                Span("inc-2", "api", MajorOutage, 3, null),
            ],
            ledger.Spans);
    }

    [Fact]
    public void ClosingAnIncidentWithNothingOpenChangesNothing()
    {
        var ledger = new ImpactLedger { Spans = [Span("inc-1", "api", MajorOutage, 0, 10)] };

        Assert.False(ledger.Close("inc-1", At(60)));
        Assert.False(ledger.Close("inc-unknown", At(60)));

        Assert.Equal([Span("inc-1", "api", MajorOutage, 0, 10)], ledger.Spans);
    }

    [Fact]
    public void ARecoveryReportedBeforeTheOutageBeganEndsItWhereItBegan()
    {
        // Clock skew between monitoring tools: the span ends empty rather than before it starts.
        var ledger = new ImpactLedger();
        ledger.Apply("inc-1", [Affected("api", MajorOutage), Affected("db", MajorOutage)], At(0));

        ledger.Apply("inc-1", [Affected("api", Operational)], At(-5));
        ledger.Close("inc-1", At(-7));

        Assert.Equal([Span("inc-1", "api", MajorOutage, 0, 0), Span("inc-1", "db", MajorOutage, 0, 0)], ledger.Spans);
    }

    [Fact]
    public void TrimDropsOnlySpansClosedBeforeTheKeepWindow()
    {
        var now = T0;
        var cutoff = now - ImpactLedger.Keep;
        var ancientButOpen = new ImpactSpan("inc-1", "api", MajorOutage, cutoff.AddDays(-30), null);
        var endedJustBefore = new ImpactSpan("inc-2", "api", MajorOutage, cutoff.AddDays(-1), cutoff.AddTicks(-1));
        var endedAtTheCutoff = new ImpactSpan("inc-3", "api", MajorOutage, cutoff.AddDays(-1), cutoff);
        var recent = new ImpactSpan("inc-4", "api", PartialOutage, now.AddDays(-2), now.AddDays(-1));
        var ledger = new ImpactLedger { Spans = [ancientButOpen, endedJustBefore, endedAtTheCutoff, recent] };

        ledger.Trim(now);

        Assert.Equal([ancientButOpen, endedAtTheCutoff, recent], ledger.Spans);
    }

    [Fact]
    public void ASpanEndedLastYearIsKeptForReportsOnLastYearsMonth()
    {
        var now = T0;
        var lastYear = new ImpactSpan("inc-1", "api", MajorOutage, now.AddDays(-400), now.AddDays(-399));
        var older = new ImpactSpan("inc-2", "api", MajorOutage, now.AddDays(-402), now.AddDays(-401));
        var ledger = new ImpactLedger { Spans = [lastYear, older] };

        ledger.Trim(now);

        Assert.Equal([lastYear], ledger.Spans);
    }
    [Fact]
    public void AChangeReportedBeforeTheOpenSpanStartsOpensTheNextSpanWhereTheLastEnds()
    {
        var ledger = new ImpactLedger();
        var noon = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        ledger.Apply("db-1", [new AffectedService("db", "Database", ServiceStatus.MajorOutage)], noon);

        ledger.Apply("db-1", [new AffectedService("db", "Database", ServiceStatus.PartialOutage)], noon.AddMinutes(-5));

        Assert.Equal(
            [new ImpactSpan("db-1", "db", ServiceStatus.MajorOutage, noon, noon), new ImpactSpan("db-1", "db", ServiceStatus.PartialOutage, noon, null)],
            ledger.Spans);
    }

    [Fact]
    public void CloseServiceEndsEveryOpenSpanOfThatServiceOnly()
    {
        var ledger = new ImpactLedger();
        var noon = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        ledger.Apply("db-1", [new AffectedService("db", "Database", ServiceStatus.MajorOutage), new AffectedService("web", "Web", ServiceStatus.PartialOutage, "db")], noon);

        Assert.True(ledger.CloseService("web", noon.AddMinutes(10)));
        Assert.False(ledger.CloseService("web", noon.AddMinutes(20)));

        Assert.Equal([("db", (DateTimeOffset?)null), ("web", noon.AddMinutes(10))], ledger.Spans.Select(s => (s.ServiceId, s.To)));
    }
}
