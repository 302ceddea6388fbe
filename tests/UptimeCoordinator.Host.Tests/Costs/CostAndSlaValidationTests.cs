using System.Net;
using System.Text.Json;
using UptimeCoordinator.Host.Tests.Http;

namespace UptimeCoordinator.Host.Tests.Costs;

/// <summary>
/// The edges of cost and SLA through HTTP: bad profiles and terms are refused field by field and
/// change nothing, bad queries are 400s, a client without a profile has no made-up figures, a client
/// key reads only its own money, and what is left out of a definition reads back as the defaults.
/// </summary>
public sealed class CostAndSlaValidationTests(CostRigFixture fixture) : IClassFixture<CostRigFixture>
{
    /// <summary>The client <see cref="ApiKeys.Client"/> belongs to (see <see cref="CoordinatorApp"/>).</summary>
    private const string KeyClientId = "acme";

    private CostRig Rig => fixture.Rig;

    [Theory]
    [InlineData("costProfile.currency")]
    [InlineData("costProfile.weeklyUsage")]
    [InlineData("costProfile.weeklyUsage[3]")]
    [InlineData("costProfile.costPerHour")]
    [InlineData("sla.targetPercent")]
    public async Task AnInvalidCostProfileOrSlaIsRefusedWithTheFieldNamedAndTheOldDefinitionStays(string field)
    {
        var service = await Rig.NewServiceAsync();
        var client = TestIds.Unique("client");
        await Rig.DefineClientAsync(client, Body(service, new { currency = "EUR", costPerHour = 1000 }, new { targetPercent = 99.5 }));
        var usage = Enumerable.Repeat(1.0, 168).ToArray();
        usage[3] = -0.5;
        var (costProfile, sla) = field switch
        {
            "costProfile.currency" => ((object)new { currency = "EURO", costPerHour = 1000 }, (object?)null),
            "costProfile.weeklyUsage" => (new { currency = "EUR", costPerHour = 1000, weeklyUsage = Enumerable.Repeat(1.0, 167).ToArray() }, null),
            "costProfile.weeklyUsage[3]" => (new { currency = "EUR", costPerHour = 1000, weeklyUsage = usage }, null),
            "costProfile.costPerHour" => (new { currency = "EUR" }, null),
            "sla.targetPercent" => (new { currency = "EUR", costPerHour = 1000 }, new { targetPercent = 0 }),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "no invalid body for this field"),
        };

        using var response = await Rig.PutClientAsync(client, Body(service, costProfile, sla));

        await Problem.AssertValidationAsync(response, field);
        var stored = await Rig.GetAsync($"/api/v1/clients/{client}");
        Assert.Equal(("EUR", 1000m), (stored.GetProperty("costProfile").Str("currency"), stored.GetProperty("costProfile").GetProperty("costPerHour").GetDecimal()));
        Assert.Equal(99.5, stored.GetProperty("sla").GetProperty("targetPercent").GetDouble());
    }

    [Theory]
    [InlineData("sla?month=2026-13", "month")]
    [InlineData("sla?month=2026-1", "month")]
    [InlineData("sla?format=xml", "format")]
    [InlineData("cost?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z", "from")]
    [InlineData("cost?from=2026-11-01T00:00:00&to=2026-11-02T00:00:00Z", "from")]
    [InlineData("cost?from=2025-01-01T00:00:00Z&to=2026-11-01T00:00:00Z", "from")]
    public async Task ABadSlaOrCostQueryIsA400NamingTheParameter(string query, string parameter)
    {
        var service = await Rig.NewServiceAsync();
        var client = TestIds.Unique("client");
        await Rig.DefineClientAsync(client, Body(service, new { currency = "EUR", costPerHour = 1000 }));

        using var response = await Rig.Api.Ops.GetAsync($"/api/v1/clients/{client}/{query}");

        await Problem.AssertValidationAsync(response, parameter);
    }

    [Fact]
    public async Task AClientWithoutACostProfileHasNoCostFiguresAndItsCostReportIsAConflict()
    {
        Rig.Clock.MoveTo(Rig.Now.AddHours(1));
        var service = await Rig.NewServiceAsync();
        var client = TestIds.Unique("client");
        await Rig.DefineClientAsync(client, Body(service, costProfile: null));
        var incidentId = await Rig.OutageReachesAsync(client, service);
        Rig.Clock.MoveTo(Rig.Now.AddHours(1));

        var status = await Rig.GetAsync($"/api/v1/clients/{client}/status");
        Assert.True(status.IsNull("totalCost") && status.IsNull("costPerHour"), $"no profile, no total: {status}");
        var incident = Assert.Single(status.GetProperty("incidents").EnumerateArray());
        Assert.True(incident.IsNull("costSoFar") && incident.IsNull("costPerHour"), $"no profile, no figure: {incident}");
        var cost = (await Rig.Api.GetIncidentAsync(incidentId)).GetProperty("cost");
        Assert.Empty(cost.GetProperty("byClient").EnumerateArray());
        Assert.Empty(cost.GetProperty("total").EnumerateArray());

        using var report = await Rig.Api.Ops.GetAsync($"/api/v1/clients/{client}/cost");
        await Problem.AssertAsync(report, HttpStatusCode.Conflict);

        // The SLA needs no price: the default terms apply, with no fee and so no credit.
        var sla = await Rig.GetAsync($"/api/v1/clients/{client}/sla");
        Assert.Equal(Money.Eur(0m), Money.Of(sla, "creditDue"));
        await Rig.RecoveryReachesAsync(client, service);
    }

    [Fact]
    public async Task AClientKeyReadsItsOwnCostAndSlaButAnotherClientsAreNotFound()
    {
        var service = await Rig.NewServiceAsync();
        var other = TestIds.Unique("client");
        await Rig.DefineClientAsync(KeyClientId, Body(service, new { currency = "EUR", costPerHour = 1000 }));
        await Rig.DefineClientAsync(other, Body(service, new { currency = "EUR", costPerHour = 1000 }));
        var key = Rig.Api.Client;

        Assert.Equal(KeyClientId, (await Rig.GetAsync($"/api/v1/clients/{KeyClientId}/cost", key)).Str("clientId"));
        Assert.Equal(KeyClientId, (await Rig.GetAsync($"/api/v1/clients/{KeyClientId}/sla", key)).Str("clientId"));
        using (var csv = await key.GetAsync($"/api/v1/clients/{KeyClientId}/sla?format=csv"))
        {
            Assert.Equal((HttpStatusCode.OK, "text/csv"), (csv.StatusCode, csv.Content.Headers.ContentType?.MediaType));
        }

        // Not found, not forbidden and not a validation error: nothing tells a client key that another client exists.
        foreach (var path in new[] { "cost", "sla", "sla?format=csv", "sla?month=2026-13", "cost?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z" })
        {
            using var response = await key.GetAsync($"/api/v1/clients/{other}/{path}");
            await Problem.AssertAsync(response, HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task WhatADefinitionLeavesOutReadsBackAsTheDefaultCurveFactorsAndTerms()
    {
        var service = await Rig.NewServiceAsync();
        var client = TestIds.Unique("client");
        await Rig.DefineClientAsync(client, Body(service, new { currency = "USD", costPerHour = 250.5 }));

        var stored = await Rig.GetAsync($"/api/v1/clients/{client}");

        var profile = stored.GetProperty("costProfile");
        Assert.Equal(("USD", 250.5m), (profile.Str("currency"), profile.GetProperty("costPerHour").GetDecimal()));
        var usage = profile.GetProperty("weeklyUsage").EnumerateArray().Select(w => w.GetDouble()).ToArray();
        Assert.Equal(168, usage.Length);

        // Business hours scaled to average 1 (168 / 57.8 = 840/289): 840/289 on weekdays 09–17, 252/289 on
        // weekday evenings 17–22, 84/289 on weekday nights and all weekend; index 0 is Monday 00:00.
        for (var hour = 0; hour < 168; hour++)
        {
            var (day, clock) = Math.DivRem(hour, 24);
            var expected = day >= 5 ? 84.0 / 289 : clock switch { >= 9 and < 17 => 840.0 / 289, >= 17 and < 22 => 252.0 / 289, _ => 84.0 / 289 };
            Assert.True(Math.Abs(expected - usage[hour]) < 1e-12, $"weeklyUsage[{hour}] is {usage[hour]}, not {expected}");
        }

        var factors = profile.GetProperty("severityFactors");
        Assert.Equal(
            (1.0, 0.5, 0.2),
            (factors.GetProperty("majorOutage").GetDouble(), factors.GetProperty("partialOutage").GetDouble(), factors.GetProperty("degradedPerformance").GetDouble()));

        var sla = stored.GetProperty("sla");
        Assert.Equal((99.9, 72), (sla.GetProperty("targetPercent").GetDouble(), sla.GetProperty("maintenanceNoticeHours").GetInt32()));
        Assert.Equal(
            [(99.9, 10.0), (99.0, 25.0), (95.0, 100.0)],
            sla.GetProperty("creditTiers").EnumerateArray().Select(t => (t.GetProperty("belowPercent").GetDouble(), t.GetProperty("creditPercent").GetDouble())));
        Assert.Equal((0m, "USD"), Money.Of(sla, "monthlyFee"));
        Assert.Equal((0.5, 0.0), (sla.GetProperty("partialOutageWeight").GetDouble(), sla.GetProperty("degradedWeight").GetDouble()));
    }

    private static object Body(string serviceId, object? costProfile, object? sla = null) => new
    {
        name = "Validation Inc",
        timeZone = "Europe/Berlin",
        subscriptions = new[] { new { serviceId } },
        costProfile,
        sla,
    };
}
