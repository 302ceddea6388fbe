using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using UptimeCoordinator.Host.Tests.Http;

namespace UptimeCoordinator.Host.Tests.Security;

/// <summary>
/// OWASP API3 mass assignment: fields the server owns (status, open incident, cost, timestamps,
/// stage, state, …) cannot be set through a request body. The API's JSON options refuse unknown
/// members (<c>JsonUnmappedMemberHandling.Disallow</c> in CoordinatorApiExtensions), so each such
/// field is a 400 "Malformed JSON" problem naming it, and nothing is written; an <c>id</c> that the
/// body does know but that differs from the route is a 400 validation problem on <c>id</c>.
/// </summary>
[Collection(TenantIsolationCollection.Name)]
public sealed class MassAssignmentTests(TenantIsolationWorld world)
{
    private CoordinatorClient Api => world.Api;

    // Server-owned members of ServiceView, each with a value that would matter if it were taken.
    public static TheoryData<string, string> ServiceFields() => new()
    {
        { "status", "\"major_outage\"" },
        { "openIncidentId", "\"inc-forged\"" },
        { "since", "\"2020-01-01T00:00:00Z\"" },
        { "checks", "[{\"name\":\"http\",\"status\":\"down\"}]" },
        { "createdAt", "\"2020-01-01T00:00:00Z\"" },
        { "updatedAt", "\"2020-01-01T00:00:00Z\"" },
        { "openOutageCost", "{\"total\":[{\"amount\":1000000,\"currency\":\"USD\"}]}" },
        { "runningCost", "{\"amount\":1000000,\"currency\":\"USD\"}" },
        { "uptime", "100" },
    };

    // Server-owned members of ClientView and its status, and the write-only secret's read-side flag.
    public static TheoryData<string, string> ClientFields() => new()
    {
        { "createdAt", "\"2020-01-01T00:00:00Z\"" },
        { "updatedAt", "\"2020-01-01T00:00:00Z\"" },
        { "status", "\"operational\"" },
        { "notices", "[]" },
        { "activeImpacts", "[]" },
        { "openIncidents", "[]" },
        { "runningCost", "{\"amount\":0,\"currency\":\"USD\"}" },
        { "cost", "{\"total\":{\"amount\":0,\"currency\":\"USD\"}}" },
        { "uptime", "100" },
    };

    [Theory]
    [MemberData(nameof(ServiceFields))]
    public async Task AServerOwnedFieldInAServicePutIsRefusedByNameAndChangesNothing(string field, string value)
    {
        var id = TestIds.Unique("mass");
        var created = await Api.CreateServiceAsync(id, new { name = "Mass" });

        using var response = await Api.Ops.PutAsync(CoordinatorClient.ServicePath(id), Json.Raw($"{{\"name\":\"Renamed\",\"{field}\":{value}}}"));

        await AssertUnknownFieldAsync(response, field);
        var after = await Api.GetServiceAsync(id);
        Assert.Equal("Mass", after.Str("name"));
        Assert.Equal("operational", after.Str("status"));
        Assert.True(after.IsNull("openIncidentId"), after.ToString());
        Assert.Equal(created.Time("createdAt"), after.Time("createdAt"));
        Assert.Equal(created.Time("updatedAt"), after.Time("updatedAt"));
        Assert.Empty(after.GetProperty("checks").EnumerateArray());
        Assert.False(after.TryGetProperty("openOutageCost", out var cost) && cost.ValueKind != JsonValueKind.Null, after.ToString());
    }

    [Fact]
    public async Task AServicePutWithAnotherIdIsRefusedAndCreatesNeither()
    {
        var id = TestIds.Unique("mass");
        var other = TestIds.Unique("mass");

        using var response = await Api.Ops.PutAsync(CoordinatorClient.ServicePath(id), Json.Content(new { id = other, name = "Elsewhere" }));

        var messages = await Problem.AssertValidationAsync(response, "id");
        Assert.Contains(messages, m => m.Contains(other, StringComparison.Ordinal));
        await AssertNotFoundAsync($"/api/v1/services/{id}");
        await AssertNotFoundAsync($"/api/v1/services/{other}");
    }

    [Theory]
    [MemberData(nameof(ClientFields))]
    public async Task AServerOwnedFieldInAClientPutIsRefusedByNameAndChangesNothing(string field, string value)
    {
        var before = await world.OpsGetAsync("/api/v1/clients/acme");
        var body = new JsonObject
        {
            ["name"] = "Acme renamed",
            ["timeZone"] = "UTC",
            ["subscriptions"] = new JsonArray(new JsonObject { ["serviceId"] = TenantIsolationWorld.AcmeService }),
            [field] = JsonNode.Parse(value),
        };

        using var response = await Api.Ops.PutAsync("/api/v1/clients/acme", Json.Raw(body.ToJsonString()));

        await AssertUnknownFieldAsync(response, field);
        Assert.Equal(before.ToString(), (await world.OpsGetAsync("/api/v1/clients/acme")).ToString());
    }

    [Fact]
    public async Task AContactCannotClaimAWebhookSecretItWasNotGiven()
    {
        var before = await world.OpsGetAsync("/api/v1/clients/acme");

        using var response = await Api.Ops.PutAsync("/api/v1/clients/acme", Json.Raw(
            "{\"name\":\"Acme Inc.\",\"timeZone\":\"UTC\",\"contacts\":[{\"id\":\"wile\",\"name\":\"Wile\",\"webhookUrl\":\"http://127.0.0.1:9/x\",\"hasWebhookSecret\":true}]}"));

        await AssertUnknownFieldAsync(response, "hasWebhookSecret");
        Assert.Equal(before.ToString(), (await world.OpsGetAsync("/api/v1/clients/acme")).ToString());
    }

    [Fact]
    public async Task AClientPutWithAnotherIdIsRefusedAndLeavesBothClientsAsTheyWere()
    {
        var acme = await world.OpsGetAsync("/api/v1/clients/acme");
        var globex = await world.OpsGetAsync("/api/v1/clients/globex");

        using var response = await Api.Ops.PutAsync("/api/v1/clients/acme", Json.Content(new { id = "globex", name = "Globex taken over", timeZone = "UTC" }));

        await Problem.AssertValidationAsync(response, "id");
        Assert.Equal(acme.ToString(), (await world.OpsGetAsync("/api/v1/clients/acme")).ToString());
        Assert.Equal(globex.ToString(), (await world.OpsGetAsync("/api/v1/clients/globex")).ToString());
    }

    [Theory]
    [InlineData("acknowledge", "{\"by\":\"ops:alice\",\"stage\":\"resolved\"}", "stage")]
    [InlineData("acknowledge", "{\"by\":\"ops:alice\",\"acknowledgedAt\":\"2020-01-01T00:00:00Z\"}", "acknowledgedAt")]
    [InlineData("updates", "{\"by\":\"ops:alice\",\"message\":\"m\",\"state\":\"resolved\"}", "state")]
    [InlineData("updates", "{\"by\":\"ops:alice\",\"message\":\"m\",\"resolvedAt\":\"2020-01-01T00:00:00Z\"}", "resolvedAt")]
    [InlineData("resolve", "{\"by\":\"ops:alice\",\"summary\":\"s\",\"resolvedAt\":\"2020-01-01T00:00:00Z\"}", "resolvedAt")]
    [InlineData("resolve", "{\"by\":\"ops:alice\",\"summary\":\"s\",\"stage\":\"detected\"}", "stage")]
    [InlineData("resolve", "{\"by\":\"ops:alice\",\"summary\":\"s\",\"reopenCount\":0}", "reopenCount")]
    [InlineData("confirm", "{\"by\":\"ops:alice\",\"message\":\"m\",\"origin\":\"declared\"}", "origin")]
    [InlineData("dismiss", "{\"by\":\"ops:alice\",\"message\":\"m\",\"closedAt\":\"2020-01-01T00:00:00Z\"}", "closedAt")]
    public async Task AServerOwnedFieldInAnIncidentCommandIsRefusedByNameAndChangesNothing(string command, string body, string field)
    {
        var (service, incidentId) = await OpenIncidentAsync();
        var before = await Api.GetIncidentAsync(incidentId);

        using var response = await Api.Ops.PostAsync($"{CoordinatorClient.IncidentPath(incidentId)}/{command}", Json.Raw(body));

        await AssertUnknownFieldAsync(response, field);
        var after = await Api.GetIncidentAsync(incidentId);
        Assert.Equal("detected", after.Str("stage"));
        Assert.True(after.IsNull("resolvedAt") && after.IsNull("acknowledgedAt"), after.ToString());
        Assert.Equal(before.GetProperty("timeline").GetArrayLength(), after.GetProperty("timeline").GetArrayLength());
        Assert.Equal(incidentId, await Api.OpenIncidentIdAsync(service));
    }

    [Fact]
    public async Task AnUpdateCannotMoveAnIncidentToAStageOnlyTheServerSets()
    {
        var (service, incidentId) = await OpenIncidentAsync();

        // stage is the responders' to set on an update, but only to investigating, identified or monitoring.
        using var response = await Api.Ops.PostAsync($"{CoordinatorClient.IncidentPath(incidentId)}/updates", Json.Content(new { by = "ops:alice", message = "done", stage = "resolved" }));

        await Problem.AssertValidationAsync(response, "stage");
        Assert.Equal("detected", (await Api.GetIncidentAsync(incidentId)).Str("stage"));
        Assert.Equal(incidentId, await Api.OpenIncidentIdAsync(service));
    }

    [Theory]
    [InlineData("id", "\"inc-forged\"")]
    [InlineData("stage", "\"resolved\"")]
    [InlineData("openedAt", "\"2020-01-01T00:00:00Z\"")]
    [InlineData("origin", "\"detected\"")]
    public async Task AServerOwnedFieldInADeclarationIsRefusedByNameAndOpensNothing(string field, string value)
    {
        var service = TestIds.Unique("mass");
        await Api.CreateServiceAsync(service);

        using var response = await Api.Ops.PostAsync("/api/v1/incidents", Json.Raw(
            $"{{\"title\":\"Declared\",\"by\":\"ops:alice\",\"serviceIds\":[\"{service}\"],\"severity\":\"major\",\"{field}\":{value}}}"));

        await AssertUnknownFieldAsync(response, field);
        Assert.True((await Api.GetServiceAsync(service)).IsNull("openIncidentId"));
    }

    [Theory]
    [InlineData("id", "\"mw-forged\"")]
    [InlineData("state", "\"completed\"")]
    [InlineData("revision", "7")]
    [InlineData("announcedAt", "\"2020-01-01T00:00:00Z\"")]
    [InlineData("slaWarnings", "[]")]
    public async Task AServerOwnedFieldInAMaintenancePostIsRefusedByNameAndPlansNothing(string field, string value)
    {
        var service = TestIds.Unique("mass");
        await Api.CreateServiceAsync(service);
        var start = TestTime.Now.AddDays(5);
        var body = JsonNode.Parse(JsonSerializer.Serialize(new { serviceIds = new[] { service }, start, end = start.AddHours(1), title = "Planned" }, Json.Options))!.AsObject();
        body[field] = JsonNode.Parse(value);

        using var response = await Api.Ops.PostAsync("/api/v1/maintenance", Json.Raw(body.ToJsonString()));

        await AssertUnknownFieldAsync(response, field);
        var windows = await world.OpsGetAsync($"/api/v1/maintenance?state=all&serviceId={service}");
        Assert.Empty(windows.GetProperty("items").EnumerateArray());
        await AssertNotFoundAsync("/api/v1/maintenance/mw-forged");
    }

    private static async Task AssertUnknownFieldAsync(HttpResponseMessage response, string field)
    {
        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Malformed JSON", problem.Str("title"));
        Assert.Equal($"'{field}' is not a known field.", problem.Str("detail"));
    }

    private async Task AssertNotFoundAsync(string path)
    {
        using var response = await Api.Ops.GetAsync(path);
        await Problem.AssertAsync(response, HttpStatusCode.NotFound);
    }

    private async Task<(string Service, string IncidentId)> OpenIncidentAsync()
    {
        var service = TestIds.Unique("mass");
        await Api.CreateServiceAsync(service);
        await Api.RecordAsync(EventBody.Down(service, TestTime.MinutesAgo(1)));
        return (service, await Api.OpenIncidentIdAsync(service));
    }
}
