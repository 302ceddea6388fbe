using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Costs;
using UptimeCoordinator.Domain.Services;
using UptimeCoordinator.Domain.Sla;
using static UptimeCoordinator.Domain.Services.ServiceStatus;

namespace UptimeCoordinator.Domain.Tests.Clients;

/// <summary>June 2026 in UTC: 30 days, 43 200 minutes, so hand-computed figures stay round.</summary>
public sealed class ClientSlaReportsTests
{
    private const int Precision = 9;
    private const double MonthMinutes = 30 * 24 * 60;

    private static readonly DateTimeOffset MonthStart = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AfterMonth = new(2026, 7, 15, 0, 0, 0, TimeSpan.Zero);

    private static readonly ClientDefinition Acme = new(
        "acme", "Acme", "UTC", [new Subscription("api", 1.0)], [], Sla: new ClientSla(SlaTerms.Default with { MonthlyFee = 1000m }, "EUR"));

    private static DateTimeOffset At(double minute) => MonthStart.AddMinutes(minute);

    private static ImpactSpan Span(string serviceId, ServiceStatus status, double from, double? to, string incidentId = "inc-1") =>
        new(incidentId, serviceId, status, At(from), to is { } end ? At(end) : null);

    private static SlaReport June(IEnumerable<ImpactSpan> spans, ClientDefinition? client = null, IReadOnlyList<MaintenanceSpan>? maintenance = null, DateTimeOffset? now = null) =>
        ClientSlaReports.Month(client ?? Acme, spans, maintenance ?? [], 2026, 6, now ?? AfterMonth);

    [Fact]
    public void A216MinuteOutageOfASubscribedServiceEarnsTheTenPercentCredit()
    {
        // (43 200 − 216) / 43 200 = 99.5 %: below 99.9 but not 99.0, so 10 % of the 1 000 fee.
        var report = June([Span("api", MajorOutage, 1000, 1216)]);

        Assert.Equal(MonthMinutes, report.EligibleMinutes, Precision);
        Assert.Equal(216, report.DownMinutes, Precision);
        Assert.Equal(99.5, report.UptimePercent, Precision);
        Assert.False(report.Met);
        Assert.Equal(new CreditTier(99.9, 10), report.Tier);
        Assert.Equal(100.00m, report.CreditAmount);
    }

    [Fact]
    public void SpansOfServicesTheClientDoesNotSubscribeToAreIgnored()
    {
        var report = June([Span("legacy", MajorOutage, 0, MonthMinutes)]);

        Assert.Equal(100, report.UptimePercent, Precision);
        Assert.True(report.Met);
        Assert.Equal(["api"], report.Services.Select(s => s.ServiceId));
    }

    [Fact]
    public void EachServiceWeighsByItsSubscriptionsImpact()
    {
        // api (impact 1) is fine, db (impact 0.5) is down 216 minutes: 0.5 × 216 = 108 of
        // 1.5 × 43 200 = 64 800 weighted minutes, 100 − 100 × 108 / 64 800 = 99.8333… %.
        var client = Acme with { Subscriptions = [new Subscription("api", 1.0), new Subscription("db", 0.5)] };

        var report = June([Span("db", MajorOutage, 0, 216)], client);

        Assert.Equal(["api", "db"], report.Services.Select(s => s.ServiceId));
        Assert.Equal(64_800, report.EligibleMinutes, Precision);
        Assert.Equal(108, report.DownMinutes, Precision);
        Assert.Equal(100 - (100 * 108 / 64_800.0), report.UptimePercent, Precision);
    }

    [Fact]
    public void SpansOfTwoIncidentsOnOneServiceCountTheWorstOnce()
    {
        // Major 0–216 and partial (weight 0.5) 100–300: 216 + 0.5 × 84 = 258 down minutes, not 216 + 100.
        var report = June([Span("api", MajorOutage, 0, 216, "inc-1"), Span("api", PartialOutage, 100, 300, "inc-2")]);

        Assert.Equal(258, report.DownMinutes, Precision);
    }

    [Fact]
    public void AnOpenSpanCountsUntilNowInAMonthInProgress()
    {
        // Measured to minute 10 000; open since 9 784: 216 of 10 000 minutes down = 97.84 %.
        var report = June([Span("api", MajorOutage, 9784, null)], now: At(10_000));

        Assert.Equal(At(10_000), report.MeasuredUntil);
        Assert.Equal(10_000, report.EligibleMinutes, Precision);
        Assert.Equal(216, report.DownMinutes, Precision);
        Assert.Equal(97.84, report.UptimePercent, Precision);
    }

    [Fact]
    public void TheMonthIsTheOneOnTheClientsClock()
    {
        // Berlin's June begins at 22:00Z on 31 May (CEST, UTC+2): that hour is in its June and not in UTC's.
        ImpactSpan[] spans = [new("inc-1", "api", MajorOutage, MonthStart.AddHours(-2), MonthStart.AddHours(-1))];

        var berlin = June(spans, Acme with { TimeZone = "Europe/Berlin" });
        var utc = June(spans);

        Assert.Equal(MonthStart.AddHours(-2), berlin.From);
        Assert.Equal(60, berlin.DownMinutes, Precision);
        Assert.Equal(0, utc.DownMinutes, Precision);
    }

    [Fact]
    public void AMaintenanceWindowAnnouncedInTimeExcusesItsDowntime()
    {
        // Announced 100 hours ahead, more than the 72 the terms ask for, and kept.
        MaintenanceSpan window = new("mw-1", ["api"], At(600), At(720), At(600).AddHours(-100), null);

        var report = June([Span("api", UnderMaintenance, 600, 720)], maintenance: [window]);

        Assert.Equal(0, report.DownMinutes, Precision);
        Assert.Equal(120, report.ExcludedMinutes, Precision);
        Assert.Equal(["mw-1"], report.Services.Single().ExcludedMaintenanceIds);
    }

    [Fact]
    public void WithoutItsOwnTermsAClientGetsTheDefaultsWithNoFee()
    {
        // The default terms' tiers apply, but 10 % of a zero fee is nothing.
        var report = June([Span("api", MajorOutage, 1000, 1216)], Acme with { Sla = null });

        Assert.Equal(SlaTerms.Default.TargetPercent, report.TargetPercent);
        Assert.Equal(new CreditTier(99.9, 10), report.Tier);
        Assert.Equal(0m, report.CreditAmount);
    }

    [Fact]
    public void TheDefaultTermsAreBilledInTheCostCurrencyOrInEuros()
    {
        var priced = Acme with { Sla = null, CostProfile = CostProfile.BusinessHours("CHF", 500m) };
        var unpriced = Acme with { Sla = null, CostProfile = null };

        Assert.Equal(new ClientSla(SlaTerms.Default, "CHF"), priced.EffectiveSla);
        Assert.Equal(new ClientSla(SlaTerms.Default, "EUR"), unpriced.EffectiveSla);
    }

    [Fact]
    public void AClientsOwnTermsWinOverTheDefaults()
    {
        var own = new ClientSla(SlaTerms.Default with { TargetPercent = 99.0, MonthlyFee = 250m }, "USD");
        var client = Acme with { Sla = own, CostProfile = CostProfile.BusinessHours("CHF", 500m) };

        Assert.Same(own, client.EffectiveSla);
    }
}
