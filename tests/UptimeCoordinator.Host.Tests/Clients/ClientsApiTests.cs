using System.Net;
using UptimeCoordinator.Host.Tests.Http;

namespace UptimeCoordinator.Host.Tests.Clients;

/// <summary>The client catalogue: <c>PUT/GET/DELETE /api/v1/clients/{id}</c>, its validation and its listing.</summary>
[Collection(SharedCoordinatorCollection.Name)]
public sealed class ClientsApiTests(CoordinatorFixture fixture)
{
    private CoordinatorClient Api => fixture.Api;

    private static string ClientPath(string id) => $"/api/v1/clients/{id}";

    private static object Body(string serviceId, object? contact = null, string timeZone = "Europe/Berlin") => new
    {
        name = "Acme Corp",
        timeZone,
        subscriptions = new[] { new { serviceId, impact = 0.5 } },
        contacts = new[] { contact ?? new { id = "alice", name = "Alice", email = "alice@acme.example" } },
    };

    private Task<HttpResponseMessage> PutAsync(string id, object body) => Api.Ops.PutAsync(ClientPath(id), Json.Content(body));

    [Fact]
    public async Task PutCreatesWithLocationThenUpdatesAndGetReturnsIt()
    {
        var service = TestIds.Unique();
        await Api.CreateServiceAsync(service);
        var id = TestIds.Unique("client");

        using var created = await PutAsync(id, Body(service));
        using var updated = await PutAsync(id, Body(service, timeZone: "America/New_York"));
        using var read = await Api.Ops.GetAsync(ClientPath(id));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(ClientPath(id), created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var client = await read.ReadJsonAsync();
        Assert.Equal("America/New_York", client.Str("timeZone"));
        Assert.Equal(service, client.GetProperty("subscriptions")[0].Str("serviceId"));
        Assert.Equal(0.5, client.GetProperty("subscriptions")[0].GetProperty("impact").GetDouble());
        Assert.Equal("alice@acme.example", client.GetProperty("contacts")[0].Str("email"));
    }

    [Theory]
    [InlineData("timeZone", "{\"name\":\"A\",\"timeZone\":\"Mars/Olympus\"}")]
    [InlineData("name", "{\"timeZone\":\"UTC\"}")]
    [InlineData("subscriptions[0].impact", "{\"name\":\"A\",\"timeZone\":\"UTC\",\"subscriptions\":[{\"serviceId\":\"x\",\"impact\":2}]}")]
    [InlineData("contacts[0].email", "{\"name\":\"A\",\"timeZone\":\"UTC\",\"contacts\":[{\"id\":\"a\",\"name\":\"A\",\"email\":\"nope\"}]}")]
    [InlineData("contacts[0].webhookUrl", "{\"name\":\"A\",\"timeZone\":\"UTC\",\"contacts\":[{\"id\":\"a\",\"name\":\"A\",\"webhookUrl\":\"ftp://x\"}]}")]
    [InlineData("contacts[0].stages[0]", "{\"name\":\"A\",\"timeZone\":\"UTC\",\"contacts\":[{\"id\":\"a\",\"name\":\"A\",\"email\":\"a@b.example\",\"stages\":[\"incident.exploded\"]}]}")]
    [InlineData("contacts[0].quietHours.start", "{\"name\":\"A\",\"timeZone\":\"UTC\",\"contacts\":[{\"id\":\"a\",\"name\":\"A\",\"email\":\"a@b.example\",\"quietHours\":{\"start\":\"25:00\",\"end\":\"07:00\"}}]}")]
    public async Task InvalidClientsAreRefusedWithTheFieldNamedAndNothingIsStored(string field, string json)
    {
        var id = TestIds.Unique("client");

        using var response = await Api.Ops.PutAsync(ClientPath(id), Json.Raw(json));

        await Problem.AssertValidationAsync(response, field);
        using var read = await Api.Ops.GetAsync(ClientPath(id));
        await Problem.AssertAsync(read, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task QuietHoursAreAcceptedAsTheReadShowsThem()
    {
        var service = TestIds.Unique();
        await Api.CreateServiceAsync(service);
        var id = TestIds.Unique("client");
        var contact = new { id = "alice", name = "Alice", email = "alice@acme.example", quietHours = new { start = "22:00", end = "07:00" } };
        (await PutAsync(id, Body(service, contact))).Dispose();
        using var read = await Api.Ops.GetAsync(ClientPath(id));
        var shown = (await read.ReadJsonAsync()).GetProperty("contacts")[0].GetProperty("quietHours");

        using var again = await PutAsync(id, Body(service, new { id = "alice", name = "Alice", email = "alice@acme.example", quietHours = new { start = shown.Str("start"), end = shown.Str("end") } }));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("07:00:00", (await again.ReadJsonAsync()).GetProperty("contacts")[0].GetProperty("quietHours").Str("end"));
    }

    [Fact]
    public async Task AnUnknownServiceIsRefusedAndNothingIsStored()
    {
        var id = TestIds.Unique("client");

        using var response = await PutAsync(id, Body("no-such-service"));

        var messages = await Problem.AssertValidationAsync(response, "subscriptions[0].serviceId");
        Assert.Contains("no-such-service", messages[0], StringComparison.Ordinal);
        using var read = await Api.Ops.GetAsync(ClientPath(id));
        await Problem.AssertAsync(read, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheWebhookSecretIsWriteOnly()
    {
        var service = TestIds.Unique();
        await Api.CreateServiceAsync(service);
        var id = TestIds.Unique("client");
        const string secret = "whsec_dG9wLXNlY3JldC12YWx1ZQ==";

        using var created = await PutAsync(id, Body(service, new { id = "bot", name = "Bot", webhookUrl = "https://hooks.acme.example/uc", webhookSecret = secret }));
        using var read = await Api.Ops.GetAsync(ClientPath(id));
        using var list = await Api.Ops.GetAsync("/api/v1/clients?limit=200");

        foreach (var response in new[] { created, read, list })
        {
            Assert.DoesNotContain("dG9wLXNlY3JldC12YWx1ZQ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.True((await read.ReadJsonAsync()).GetProperty("contacts")[0].GetProperty("hasWebhookSecret").GetBoolean());
    }

    [Fact]
    public async Task DeleteRemovesTheClientAndLetsItsServiceGo()
    {
        var service = TestIds.Unique();
        await Api.CreateServiceAsync(service);
        var id = TestIds.Unique("client");
        (await PutAsync(id, Body(service))).Dispose();

        using var refused = await Api.Ops.DeleteAsync(CoordinatorClient.ServicePath(service));
        using var deleted = await Api.Ops.DeleteAsync(ClientPath(id));
        using var again = await Api.Ops.DeleteAsync(ClientPath(id));
        using var serviceDeleted = await Api.Ops.DeleteAsync(CoordinatorClient.ServicePath(service));

        await Problem.AssertAsync(refused, HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await Problem.AssertAsync(again, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, serviceDeleted.StatusCode);
    }

    [Fact]
    public async Task TheListPagesThroughEveryClientById()
    {
        var service = TestIds.Unique();
        await Api.CreateServiceAsync(service);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var id = TestIds.Unique("client");
            ids.Add(id);
            (await PutAsync(id, Body(service))).Dispose();
        }

        var pages = await Api.PagesAsync("/api/v1/clients", 2);

        var listed = pages.SelectMany(p => p).Select(c => c.Str("id")).ToList();
        Assert.All(ids, id => Assert.Contains(id, listed));
        Assert.Equal(listed.Order(StringComparer.Ordinal), listed);
        Assert.All(pages, p => Assert.True(p.Count <= 2));
    }

    [Fact]
    public async Task AMonitorKeyMayNotTouchClients()
    {
        using var put = await Api.Monitor.PutAsync(ClientPath("acme"), Json.Content(Body("x")));
        using var get = await Api.Monitor.GetAsync(ClientPath("acme"));

        await Problem.AssertAsync(put, HttpStatusCode.Forbidden);
        await Problem.AssertAsync(get, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task NoticesAndStatusOfAnUnknownClientAreNotFound()
    {
        using var status = await Api.Ops.GetAsync(ClientPath(TestIds.Unique("client")) + "/status");
        using var notices = await Api.Ops.GetAsync(ClientPath(TestIds.Unique("client")) + "/notices");

        await Problem.AssertAsync(status, HttpStatusCode.NotFound);
        await Problem.AssertAsync(notices, HttpStatusCode.NotFound);
    }
}
