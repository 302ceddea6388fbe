using System.Globalization;
using System.Net;
using System.Text.Json;
using UptimeCoordinator.Host.Tests.Http;

namespace UptimeCoordinator.Host.Tests.Costs;

/// <summary>
/// <c>GET /api/v1/clients/{id}/sla?month=</c> for months told by down and up events on an injected
/// clock: the issue's worked example of a month at 99.5 % with a 10 % credit, as JSON and as CSV, the
/// severity weights of the default terms (partial outage counts half, degraded not at all), and the
/// month as the client's own calendar month.
/// </summary>
/// <remarks>
/// Every month here is a 30-day month (November 2026 when the class starts at its epoch), in UTC unless said:
/// 30 × 1440 = 43 200 eligible minutes, an error budget of 0.1 % of that = 43.2 minutes at the
/// default 99.9 % target, and credit tiers below 99.9 → 10 %, below 99.0 → 25 %, below 95.0 → 100 %.
/// </remarks>
public sealed class SlaMonthEndToEndTests(CostRigFixture fixture) : IClassFixture<CostRigFixture>
{
    private CostRig Rig => fixture.Rig;

    [Fact]
    public async Task AMonthWithA216MinuteOutageIsAt99Point5PercentAndOwesA10PercentCredit()
    {
        var (year, month, start, service, client) = await AMonthWithA216MinuteOutageAsync();

        // Uptime (43 200 − 216) / 43 200 = 99.5 %, below 99.9 but not 99.0: the 10 % tier, 10 % × 1000 = 100.00 EUR.
        // Error budget 43.2 minutes, so 43.2 − 216 = −172.8 left.
        var sla = await Rig.GetAsync($"/api/v1/clients/{client}/sla?month={Month(year, month)}");
        Assert.Equal((client, Month(year, month), "UTC"), (sla.Str("clientId"), sla.Str("month"), sla.Str("timeZone")));
        Assert.Equal((start, start.AddMonths(1), start.AddMonths(1)), (sla.Time("from"), sla.Time("to"), sla.Time("measuredUntil")));
        Assert.Equal((43200.0, 216.0, 0.0), Minutes(sla));
        Assert.Equal(99.5, sla.GetProperty("uptimePercent").GetDouble());
        Assert.Equal(99.9, sla.GetProperty("targetPercent").GetDouble());
        Assert.False(sla.GetProperty("met").GetBoolean());
        Assert.Equal("breached", sla.Str("status"));
        var tier = sla.GetProperty("creditTier");
        Assert.Equal((99.9, 10.0), (tier.GetProperty("belowPercent").GetDouble(), tier.GetProperty("creditPercent").GetDouble()));
        Assert.Equal(Money.Eur(100.00m), Money.Of(sla, "creditDue"));
        Assert.Equal(43.2, sla.GetProperty("errorBudgetMinutes").GetDouble());
        Assert.Equal(-172.8, sla.GetProperty("errorBudgetLeftMinutes").GetDouble());
        var figures = Assert.Single(sla.GetProperty("services").EnumerateArray());
        Assert.Equal(service, figures.Str("serviceId"));
        Assert.Equal((43200.0, 216.0, 0.0), Minutes(figures));
        Assert.Equal(99.5, figures.GetProperty("uptimePercent").GetDouble());
        Assert.Empty(figures.GetProperty("excludedMaintenanceIds").EnumerateArray());
        Assert.Empty(figures.GetProperty("countedMaintenanceIds").EnumerateArray());

        // The month is over, so the month in progress is the default: twelve hours in, nothing down.
        var current = await Rig.GetAsync($"/api/v1/clients/{client}/sla");
        Assert.Equal(Month(start.AddMonths(1).Year, start.AddMonths(1).Month), current.Str("month"));
        Assert.Equal((720.0, 0.0, 0.0), Minutes(current));
        Assert.Equal(("met", true), (current.Str("status"), current.GetProperty("met").GetBoolean()));
        Assert.Equal(Money.Eur(0m), Money.Of(current, "creditDue"));
    }

    [Fact]
    public async Task TheSameMonthAsCsvHasOneRowPerServiceAndAnOverallRowWithTheCredit()
    {
        var (year, month, _, service, client) = await AMonthWithA216MinuteOutageAsync();

        using var response = await Rig.Api.Ops.GetAsync($"/api/v1/clients/{client}/sla?month={Month(year, month)}&format=csv");

        var csv = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, csv);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var m = Month(year, month);
        Assert.Equal(
            "month,client_id,service_id,eligible_minutes,down_minutes,excluded_minutes,uptime_percent,target_percent,met,credit_percent,credit_amount,currency\r\n"
            + $"{m},{client},{service},43200.00,216.00,0.00,99.5000,99.9000,,,,\r\n"
            + $"{m},{client},overall,43200.00,216.00,0.00,99.5000,99.9000,false,10.0000,100.00,EUR\r\n",
            csv);
    }

    [Fact]
    public async Task APartialOutageCountsHalfAndADegradedOneNotAtAll()
    {
        // A service with two checks: one of them down is a partial outage (DESIGN.md §2).
        var (year, month, start) = ClockSlots.Next30DayMonth(Rig.Now);
        var (service, client) = await DefineAsync(start);
        Rig.Clock.MoveTo(start.AddDays(9).AddHours(10));
        await Rig.Api.RecordAsync(new EventBody(service, "up", Rig.Now, Check: "a"), new EventBody(service, "up", Rig.Now, Check: "b"));
        await Rig.Api.RecordAsync(new EventBody(service, "down", Rig.Now, Check: "a"));
        await WaitForIncidentAsync(client, "partial_outage");
        Rig.Clock.MoveTo(Rig.Now.AddMinutes(216));
        await Rig.Api.RecordAsync(new EventBody(service, "up", Rig.Now, Check: "a"));
        await WaitForIncidentAsync(client, null);

        // And on the 20th an hour degraded, which the default degradedWeight 0 does not count.
        Rig.Clock.MoveTo(start.AddDays(19).AddHours(10));
        await Rig.Api.RecordAsync(new EventBody(service, "degraded", Rig.Now, Check: "b"));
        await WaitForIncidentAsync(client, "degraded_performance");
        Rig.Clock.MoveTo(Rig.Now.AddHours(1));
        await Rig.Api.RecordAsync(new EventBody(service, "up", Rig.Now, Check: "b"));
        await WaitForIncidentAsync(client, null);
        Rig.Clock.MoveTo(start.AddMonths(1).AddHours(12));

        // 216 partial minutes × partialOutageWeight 0.5 = 108 down minutes, degraded 60 × 0 = 0:
        // uptime (43 200 − 108) / 43 200 = 99.75 %, still below 99.9 (10 %: 100.00 EUR), 43.2 − 108 = −64.8 left.
        var sla = await Rig.GetAsync($"/api/v1/clients/{client}/sla?month={Month(year, month)}");
        Assert.Equal((43200.0, 108.0, 0.0), Minutes(sla));
        Assert.Equal(99.75, sla.GetProperty("uptimePercent").GetDouble());
        Assert.Equal("breached", sla.Str("status"));
        Assert.Equal(10.0, sla.GetProperty("creditTier").GetProperty("creditPercent").GetDouble());
        Assert.Equal(Money.Eur(100.00m), Money.Of(sla, "creditDue"));
        Assert.Equal(-64.8, sla.GetProperty("errorBudgetLeftMinutes").GetDouble());
    }

    [Fact]
    public async Task TheMonthIsTheCalendarMonthOnTheClientsWallClock()
    {
        // A 30-day month in Berlin has no clock change either (they fall in March and October): 43 200
        // minutes from local midnight. Half an hour down from 00:00 local on the 1st, the day before in UTC,
        // counts in this month and not the one before.
        var (year, month, utcStart) = ClockSlots.Next30DayMonth(Rig.Now.AddHours(3));
        var localMidnight = new DateTime(year, month, 1);
        var start = new DateTimeOffset(localMidnight, ClockSlots.Berlin.GetUtcOffset(localMidnight));
        Rig.Clock.MoveTo(start.AddHours(-1));
        var service = await Rig.NewServiceAsync();
        var client = TestIds.Unique("client");
        await Rig.DefineClientAsync(client, new
        {
            name = "Berlin Bakery",
            timeZone = "Europe/Berlin",
            subscriptions = new[] { new { serviceId = service } },
        });
        Rig.Clock.MoveTo(start);
        await Rig.OutageReachesAsync(client, service);
        Rig.Clock.MoveTo(start.AddMinutes(30));
        await Rig.RecoveryReachesAsync(client, service);
        Rig.Clock.MoveTo(start.AddMonths(1).AddHours(12));

        var sla = await Rig.GetAsync($"/api/v1/clients/{client}/sla?month={Month(year, month)}");
        Assert.Equal(start.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), sla.Str("from"));
        Assert.True(start < utcStart, "local midnight in Berlin is the evening before in UTC");
        Assert.Equal((43200.0, 30.0, 0.0), Minutes(sla));
        var before = start.AddDays(-1);
        var previous = await Rig.GetAsync($"/api/v1/clients/{client}/sla?month={Month(before.Year, before.Month)}");
        Assert.Equal(0.0, previous.GetProperty("downMinutes").GetDouble());
    }

    /// <summary>Down on the 10th at 10:00 UTC, up 216 minutes later at 13:36; the clock then reads 12:00 on the 1st of the next month.</summary>
    private async Task<(int Year, int Month, DateTimeOffset Start, string Service, string Client)> AMonthWithA216MinuteOutageAsync()
    {
        var (year, month, start) = ClockSlots.Next30DayMonth(Rig.Now);
        var (service, client) = await DefineAsync(start);
        Rig.Clock.MoveTo(start.AddDays(9).AddHours(10));
        await Rig.OutageReachesAsync(client, service);
        Rig.Clock.MoveTo(Rig.Now.AddMinutes(216));
        await Rig.RecoveryReachesAsync(client, service);
        Rig.Clock.MoveTo(start.AddMonths(1).AddHours(12));
        return (year, month, start, service, client);
    }

    private static string Month(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}");

    private static (double Eligible, double Down, double Excluded) Minutes(JsonElement figures) => (
        figures.GetProperty("eligibleMinutes").GetDouble(),
        figures.GetProperty("downMinutes").GetDouble(),
        figures.GetProperty("excludedMinutes").GetDouble());

    /// <summary>A client in UTC paying 1000 EUR a month under the default SLA terms, defined before the month starts.</summary>
    private async Task<(string Service, string Client)> DefineAsync(DateTimeOffset monthStart)
    {
        Rig.Clock.MoveTo(monthStart.AddHours(-1));
        var service = await Rig.NewServiceAsync();
        var client = TestIds.Unique("client");
        await Rig.DefineClientAsync(client, new
        {
            name = "Ledger & Co",
            timeZone = "UTC",
            subscriptions = new[] { new { serviceId = service } },
            sla = new { monthlyFee = new { amount = 1000, currency = "EUR" } },
        });
        return (service, client);
    }

    /// <summary>Waits until the client's status is <paramref name="status"/> with an incident, or, for null, has none.</summary>
    private Task WaitForIncidentAsync(string client, string? status) =>
        Infrastructure.Eventually.HoldsAsync(
            async () => await Rig.GetAsync($"/api/v1/clients/{client}/status") is var s
                && (status is null ? s.GetProperty("incidents").GetArrayLength() == 0 : s.Str("status") == status && s.GetProperty("incidents").GetArrayLength() == 1),
            $"{client} seeing {status ?? "no incident"}");
}
