using System.Net;
using System.Text.Json;
using UptimeCoordinator.Host.Tests.Http;
using UptimeCoordinator.Host.Tests.Infrastructure;

namespace UptimeCoordinator.Host.Tests.Clients;

/// <summary>
/// <c>GET /api/v1/clients/{id}/services</c>: each service the client uses with the status it lives,
/// its own or worse through a dependency in trouble, with the incident behind it.
/// </summary>
public sealed class ClientServicesTests(CoordinatorFixture fixture) : IClassFixture<CoordinatorFixture>
{
    private CoordinatorClient Api => fixture.Api;

    [Fact]
    public async Task EveryServiceIsOperationalWithNothingBehindItWhileAllIsWell()
    {
        var (web, cdn) = (TestIds.Unique("web"), TestIds.Unique("cdn"));
        await Api.CreateServiceAsync(web, new { name = "Web shop" });
        await Api.CreateServiceAsync(cdn, new { name = "CDN" });
        var client = await DefineClientAsync(TestIds.Unique("client"), web, cdn);

        var view = await ServicesAsync(client);

        Assert.Equal((client, $"Client {client}", "Europe/Berlin"), (view.Str("clientId"), view.Str("name"), view.Str("timeZone")));
        var services = Services(view);
        Assert.Equal([web, cdn], services.Select(s => s.Str("serviceId")));
        Assert.Equal(["Web shop", "CDN"], services.Select(s => s.Str("name")));
        Assert.All(services, s =>
        {
            Assert.Equal("operational", s.Str("status"));
            Assert.True(s.IsNull("via") && s.IsNull("incidentId"), s.ToString());
        });
    }

    [Fact]
    public async Task AServiceWhoseDependencyIsDownSuffersItViaThatDependencyWithItsIncident()
    {
        var (db, api, web, cdn) = (TestIds.Unique("db"), TestIds.Unique("api"), TestIds.Unique("web"), TestIds.Unique("cdn"));
        await Api.CreateServiceAsync(db, new { name = "Database" });
        await Api.CreateServiceAsync(api, new { name = "API", dependsOn = new[] { db } });
        await Api.CreateServiceAsync(web, new { name = "Web shop", dependsOn = new[] { api } });
        await Api.CreateServiceAsync(cdn, new { name = "CDN" });
        var client = await DefineClientAsync(TestIds.Unique("client"), web, cdn);
        var downAt = TestTime.MinutesAgo(5);

        await Api.RecordAsync(EventBody.Down(db, downAt));
        var incidentId = await Api.OpenIncidentIdAsync(db);
        var view = await EventuallyAsync(client, v => Service(v, web).Str("status") != "operational", $"{web} suffering the outage of {db}");

        var suffering = Service(view, web);
        Assert.Equal(("Web shop", db, incidentId), (suffering.Str("name"), suffering.NullableStr("via"), suffering.NullableStr("incidentId")));
        Assert.Contains(suffering.Str("status"), new[] { "degraded_performance", "partial_outage", "major_outage" });
        Assert.False(suffering.IsNull("since"), suffering.ToString());
        var untouched = Service(view, cdn);
        Assert.Equal("operational", untouched.Str("status"));
        Assert.True(untouched.IsNull("via") && untouched.IsNull("incidentId"), untouched.ToString());

        // What the status says of the same service is what this list says.
        var status = await GetAsync(Api.Ops, $"/api/v1/clients/{client}/status");
        var affected = Assert.Single(status.GetProperty("affectedServices").EnumerateArray(), a => a.Str("serviceId") == web);
        Assert.Equal((affected.Str("status"), affected.Time("since")), (suffering.Str("status"), suffering.Time("since")));
    }

    [Fact]
    public async Task AServiceInTroubleItselfShowsItsOwnStatusIncidentAndSinceWithNoVia()
    {
        var (web, cdn) = (TestIds.Unique("web"), TestIds.Unique("cdn"));
        await Api.CreateServiceAsync(web);
        await Api.CreateServiceAsync(cdn);
        var client = await DefineClientAsync(TestIds.Unique("client"), web, cdn);
        var degradedAt = TestTime.MinutesAgo(3);

        await Api.RecordAsync(new EventBody(cdn, "degraded", degradedAt));
        var incidentId = await Api.OpenIncidentIdAsync(cdn);
        var view = await EventuallyAsync(client, v => !Service(v, cdn).IsNull("incidentId"), $"{cdn}'s own incident");

        var degraded = Service(view, cdn);
        Assert.Equal(("degraded_performance", incidentId), (degraded.Str("status"), degraded.Str("incidentId")));
        Assert.True(degraded.IsNull("via"), degraded.ToString());
        Assert.Equal(degradedAt, degraded.Time("since"));
        Assert.Equal("operational", Service(view, web).Str("status"));
    }

    [Fact]
    public async Task TheClientsOwnKeyReadsItsServicesAndNoOneElses()
    {
        var web = TestIds.Unique("web");
        await Api.CreateServiceAsync(web);
        await DefineClientAsync("acme", web);
        var other = await DefineClientAsync(TestIds.Unique("client"), web);

        var own = await GetAsync(Api.Client, "/api/v1/clients/acme/services");
        using var foreign = await Api.Client.GetAsync($"/api/v1/clients/{other}/services");
        using var monitor = await Api.Monitor.GetAsync($"/api/v1/clients/{other}/services");

        Assert.Equal([web], Services(own).Select(s => s.Str("serviceId")));
        await Problem.AssertAsync(foreign, HttpStatusCode.NotFound);
        await Problem.AssertAsync(monitor, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AnUnknownClientIsNotFound()
    {
        using var response = await Api.Ops.GetAsync($"/api/v1/clients/{TestIds.Unique("nobody")}/services");

        await Problem.AssertAsync(response, HttpStatusCode.NotFound);
    }

    private async Task<string> DefineClientAsync(string id, params string[] serviceIds)
    {
        using var response = await Api.Ops.PutAsync($"/api/v1/clients/{id}", Json.Content(new
        {
            name = $"Client {id}",
            timeZone = "Europe/Berlin",
            subscriptions = serviceIds.Select(s => new { serviceId = s }).ToArray(),
        }));
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"PUT client {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return id;
    }

    private Task<JsonElement> ServicesAsync(string client) => GetAsync(Api.Ops, $"/api/v1/clients/{client}/services");

    /// <summary>The fan-out to the client runs after the event's 202: polls the list until it shows <paramref name="what"/>.</summary>
    private async Task<JsonElement> EventuallyAsync(string client, Func<JsonElement, bool> shows, string what)
    {
        JsonElement view = default;
        await Eventually.HoldsAsync(async () => shows(view = await ServicesAsync(client)), what);
        return view;
    }

    private static async Task<JsonElement> GetAsync(HttpClient caller, string path)
    {
        using var response = await caller.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    private static List<JsonElement> Services(JsonElement view) => [.. view.GetProperty("services").EnumerateArray()];

    private static JsonElement Service(JsonElement view, string id) => Assert.Single(Services(view), s => s.Str("serviceId") == id);
}
