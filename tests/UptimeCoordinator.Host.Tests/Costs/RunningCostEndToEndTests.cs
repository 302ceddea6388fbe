using System.Globalization;
using System.Text.Json;
using UptimeCoordinator.Host.Tests.Http;

namespace UptimeCoordinator.Host.Tests.Costs;

/// <summary>
/// The "done when": a client's running cost grows while its service is down and is right to
/// the cent against a hand computation, in the client's status, the service, the incident and the
/// cost report, with down and up events posted on an injected clock.
/// </summary>
/// <remarks>
/// The default business-hours curve (DESIGN.md §2): Mon–Fri 09–17 weigh 1.0 (40 hours), Mon–Fri
/// 17–22 weigh 0.3 (25 hours, 7.5), the other 103 hours 0.1 (10.3); 57.8 in all, scaled to average 1
/// by 168 / 57.8 = 840/289. So a business hour weighs 840/289 ≈ 2.906574 and a night hour 84/289 ≈ 0.290657.
/// </remarks>
public sealed class RunningCostEndToEndTests(CostRigFixture fixture) : IClassFixture<CostRigFixture>
{
    private CostRig Rig => fixture.Rig;

    [Fact]
    public async Task ATwoHourOutageAtTwoOnATuesdayAfternoonCostsItsBusinessHoursToTheCentEverywhere()
    {
        // Tuesday 14:00 in Berlin (CET, 13:00Z): 3 November 2026 if this test is the first of its class to run.
        var start = ClockSlots.NextLocal(Rig.Now, ClockSlots.Berlin, DayOfWeek.Tuesday, 14);
        Rig.Clock.MoveTo(start);
        var (service, client) = await DefineAsync(impact: 1);

        var incidentId = await Rig.OutageReachesAsync(client, service);
        Rig.Clock.MoveTo(start.AddMinutes(90));

        // 14:00–15:30, all business hours: 1.5 h × 1000 × 840/289 = 4359.8616… → 4359.86 EUR,
        // accruing at 1000 × 840/289 = 2906.5743… → 2906.57 EUR an hour.
        var status = await Rig.GetAsync($"/api/v1/clients/{client}/status");
        var incident = Assert.Single(status.GetProperty("incidents").EnumerateArray());
        Assert.Equal(incidentId, incident.Str("id"));
        Assert.Equal(Money.Eur(4359.86m), Money.Of(incident, "costSoFar"));
        Assert.Equal(Money.Eur(2906.57m), Money.Of(incident, "costPerHour"));
        Assert.Equal(Money.Eur(4359.86m), Money.Of(status, "totalCost"));
        Assert.Equal(Money.Eur(2906.57m), Money.Of(status, "costPerHour"));

        var outage = (await Rig.Api.GetServiceAsync(service)).GetProperty("openOutageCost");
        Assert.Equal([Money.Eur(4359.86m)], Money.List(outage, "total"));
        Assert.Equal([Money.Eur(2906.57m)], Money.List(outage, "ratePerHour"));
        AssertShare(outage, client, 4359.86m, 2906.57m);

        var cost = (await Rig.Api.GetIncidentAsync(incidentId)).GetProperty("cost");
        Assert.Equal([Money.Eur(4359.86m)], Money.List(cost, "total"));
        AssertShare(cost, client, 4359.86m, 2906.57m);

        // Up at 16:00 local: the two hours cost 2 × 2906.5743… = 5813.1487… → 5813.15, and no more
        // however long after anyone looks.
        Rig.Clock.MoveTo(start.AddMinutes(120));
        await Rig.RecoveryReachesAsync(client, service);
        Rig.Clock.MoveTo(start.AddHours(5));

        var after = (await Rig.Api.GetIncidentAsync(incidentId)).GetProperty("cost");
        Assert.Equal([Money.Eur(5813.15m)], Money.List(after, "total"));
        AssertShare(after, client, 5813.15m, 0m);
        Assert.Equal(Money.Eur(0m), Money.Of(await Rig.GetAsync($"/api/v1/clients/{client}/status"), "totalCost"));
        var recovered = await Rig.Api.GetServiceAsync(service);
        Assert.True(recovered.IsNull("openIncidentId") && recovered.IsNull("openOutageCost"), $"a recovered service has no open outage to price: {recovered}");

        var report = await CostAsync(client, start.AddHours(-1), start.AddHours(6));
        Assert.Equal(Money.Eur(5813.15m), Money.Of(report, "total"));
        Assert.Equal(start.AddHours(-1), report.Time("from"));
        Assert.Equal(start.AddHours(6), report.Time("to"));
        var byIncident = Assert.Single(report.GetProperty("byIncident").EnumerateArray());
        Assert.Equal((incidentId, Money.Eur(5813.15m)), (byIncident.Str("id"), Money.Of(byIncident, "cost")));
        var byService = Assert.Single(report.GetProperty("byService").EnumerateArray());
        Assert.Equal((service, Money.Eur(5813.15m)), (byService.Str("id"), Money.Of(byService, "cost")));

        // Only the first hour, 14:00–15:00: 1 × 1000 × 840/289 = 2906.57.
        Assert.Equal(Money.Eur(2906.57m), Money.Of(await CostAsync(client, start, start.AddHours(1)), "total"));
    }

    [Fact]
    public async Task TheSameTwoHoursAtTwoInTheMorningCostATenthAsMuch()
    {
        // Tuesday 02:00–04:00 in Berlin, night hours: 2 h × 1000 × 84/289 = 581.3148… → 581.31 EUR,
        // at 1000 × 84/289 = 290.6574… → 290.66 an hour. The wall-clock hours, not the UTC ones, price it.
        var start = ClockSlots.NextLocal(Rig.Now, ClockSlots.Berlin, DayOfWeek.Tuesday, 2);
        Rig.Clock.MoveTo(start);
        var (service, client) = await DefineAsync(impact: 1);

        await Rig.OutageReachesAsync(client, service);
        Rig.Clock.MoveTo(start.AddHours(1));
        var status = await Rig.GetAsync($"/api/v1/clients/{client}/status");
        Assert.Equal(Money.Eur(290.66m), Money.Of(status, "totalCost"));
        Assert.Equal(Money.Eur(290.66m), Money.Of(status, "costPerHour"));

        Rig.Clock.MoveTo(start.AddHours(2));
        await Rig.RecoveryReachesAsync(client, service);
        Rig.Clock.MoveTo(start.AddHours(3));

        Assert.Equal(Money.Eur(581.31m), Money.Of(await CostAsync(client, start.AddHours(-1), start.AddHours(3)), "total"));
    }

    [Fact]
    public async Task ADegradedServiceOfHalfImpactCostsImpactTimesSeverityFactorOfAnOutage()
    {
        // Tuesday 14:00–15:30 in Berlin, degraded (factor 0.2) on a subscription of impact 0.5:
        // 1.5 h × 1000 × 840/289 × 0.5 × 0.2 = 435.9861… → 435.99 EUR, at 2906.5743… × 0.1 = 290.66 an hour.
        var start = ClockSlots.NextLocal(Rig.Now, ClockSlots.Berlin, DayOfWeek.Tuesday, 14);
        Rig.Clock.MoveTo(start);
        var (service, client) = await DefineAsync(impact: 0.5);

        await Rig.OutageReachesAsync(client, service, "degraded");
        Rig.Clock.MoveTo(start.AddMinutes(90));

        var status = await Rig.GetAsync($"/api/v1/clients/{client}/status");
        Assert.Equal("degraded_performance", status.Str("status"));
        var incident = Assert.Single(status.GetProperty("incidents").EnumerateArray());
        Assert.Equal(Money.Eur(435.99m), Money.Of(incident, "costSoFar"));
        Assert.Equal(Money.Eur(290.66m), Money.Of(incident, "costPerHour"));

        await Rig.RecoveryReachesAsync(client, service);
        Rig.Clock.MoveTo(start.AddHours(4));
        Assert.Equal(Money.Eur(435.99m), Money.Of(await CostAsync(client, start, start.AddHours(4)), "total"));
    }

    [Fact]
    public async Task AnOutageThatEasesToDegradedCostsEachStretchAtItsOwnFactor()
    {
        // Tuesday in Berlin: down 14:00–15:00 (factor 1), degraded 15:00–16:00 (factor 0.2), on the same incident.
        var start = ClockSlots.NextLocal(Rig.Now, ClockSlots.Berlin, DayOfWeek.Tuesday, 14);
        Rig.Clock.MoveTo(start);
        var (service, client) = await DefineAsync(impact: 1);
        var incidentId = await Rig.OutageReachesAsync(client, service);
        Rig.Clock.MoveTo(start.AddHours(1));
        await Rig.ObserveAsync(service, "degraded");
        await Infrastructure.Eventually.HoldsAsync(
            async () => (await Rig.GetAsync($"/api/v1/clients/{client}/status")).Str("status") == "degraded_performance",
            "the client seeing the service degraded");

        // At 15:30: 2906.5743… + 0.5 × 2906.5743… × 0.2 = 3197.2318… → 3197.23, now at 581.31 an hour.
        Rig.Clock.MoveTo(start.AddMinutes(90));
        var incident = Assert.Single((await Rig.GetAsync($"/api/v1/clients/{client}/status")).GetProperty("incidents").EnumerateArray());
        Assert.Equal(incidentId, incident.Str("id"));
        Assert.Equal(Money.Eur(3197.23m), Money.Of(incident, "costSoFar"));
        Assert.Equal(Money.Eur(581.31m), Money.Of(incident, "costPerHour"));

        // Up at 16:00: 2906.5743… + 581.3148… = 3487.8892… → 3487.89.
        Rig.Clock.MoveTo(start.AddHours(2));
        await Rig.RecoveryReachesAsync(client, service);
        Rig.Clock.MoveTo(start.AddHours(3));
        Assert.Equal(Money.Eur(3487.89m), Money.Of(await CostAsync(client, start, start.AddHours(3)), "total"));
    }

    [Fact]
    public async Task AnOutageCostsTheClientsOfItsDependentsAtThePartialFactorAndSumsPerCurrency()
    {
        // db goes down at Tuesday 14:00 in Berlin; checkout depends on it, so for a client of checkout
        // it is a partial outage (factor 0.5). After 90 minutes of business hours:
        // a client of db in EUR: 1.5 × 1000 × 840/289 = 4359.86, at 2906.57 an hour;
        // a client of checkout in USD: 1.5 × 1000 × 840/289 × 0.5 = 2179.9308… → 2179.93, at 1453.29 an hour.
        var start = ClockSlots.NextLocal(Rig.Now, ClockSlots.Berlin, DayOfWeek.Tuesday, 14);
        Rig.Clock.MoveTo(start);
        var (db, direct) = await DefineAsync(impact: 1);
        var checkout = TestIds.Unique("checkout");
        await Rig.Api.CreateServiceAsync(checkout, new { name = "Checkout", dependsOn = new[] { db } });
        var dependent = TestIds.Unique("client");
        await Rig.DefineClientAsync(dependent, new
        {
            name = "Boston Books",
            timeZone = "Europe/Berlin",
            subscriptions = new[] { new { serviceId = checkout, impact = 1.0 } },
            costProfile = new { currency = "USD", costPerHour = 1000 },
        });

        var incidentId = await Rig.OutageReachesAsync(direct, db);
        await Infrastructure.Eventually.HoldsAsync(
            async () => (await Rig.GetAsync($"/api/v1/clients/{dependent}/status")).Str("status") == "partial_outage",
            "the outage of db reaching the client of checkout");
        Rig.Clock.MoveTo(start.AddMinutes(90));

        var status = await Rig.GetAsync($"/api/v1/clients/{dependent}/status");
        Assert.Equal((2179.93m, "USD"), Money.Of(status, "totalCost"));
        Assert.Equal((1453.29m, "USD"), Money.Of(status, "costPerHour"));
        foreach (var cost in new[]
        {
            (await Rig.Api.GetServiceAsync(db)).GetProperty("openOutageCost"),
            (await Rig.Api.GetIncidentAsync(incidentId)).GetProperty("cost"),
        })
        {
            Assert.Equal([Money.Eur(4359.86m), (2179.93m, "USD")], Money.List(cost, "total"));
            Assert.Equal([Money.Eur(2906.57m), (1453.29m, "USD")], Money.List(cost, "ratePerHour"));
            Assert.Equal([direct, dependent], cost.GetProperty("byClient").EnumerateArray().Select(c => c.Str("clientId")));
        }

        await Rig.RecoveryReachesAsync(direct, db);
    }

    private static void AssertShare(JsonElement cost, string clientId, decimal amount, decimal ratePerHour)
    {
        var share = Assert.Single(cost.GetProperty("byClient").EnumerateArray());
        Assert.Equal(clientId, share.Str("clientId"));
        Assert.Equal(Money.Eur(amount), Money.Of(share, "cost"));
        Assert.Equal(Money.Eur(ratePerHour), Money.Of(share, "ratePerHour"));
    }

    private async Task<(string Service, string Client)> DefineAsync(double impact)
    {
        var service = await Rig.NewServiceAsync();
        var client = TestIds.Unique("client");
        await Rig.DefineClientAsync(client, new
        {
            name = "Berlin Bakery",
            timeZone = "Europe/Berlin",
            subscriptions = new[] { new { serviceId = service, impact } },
            costProfile = new { currency = "EUR", costPerHour = 1000 },
        });
        return (service, client);
    }

    private Task<JsonElement> CostAsync(string client, DateTimeOffset from, DateTimeOffset to) =>
        Rig.GetAsync($"/api/v1/clients/{client}/cost?from={Rfc3339(from)}&to={Rfc3339(to)}");

    private static string Rfc3339(DateTimeOffset instant) =>
        Uri.EscapeDataString(instant.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture));
}
