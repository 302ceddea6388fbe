using System.Net;
using UptimeCoordinator.Host.Tests.Http;

namespace UptimeCoordinator.Host.Tests.Integrations.Generic;

/// <summary>The formatted webhook and the push URL over HTTP.</summary>
[Collection(SharedCoordinatorCollection.Name)]
public sealed class GenericIntegrationsTests(CoordinatorFixture fixture)
{
    private const string WebhookPath = "/api/v1/integrations/formatted-webhook";

    private CoordinatorClient Api => fixture.Api;

    private static string PushPath(string id, string query = "") => $"/api/v1/services/{id}/push{query}";

    private async Task<string> NewServiceAsync()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id);
        return id;
    }

    private static async Task AssertAcceptedAsync(HttpResponseMessage response, int accepted = 1)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var body = await response.ReadJsonAsync();
        Assert.Equal(accepted, body.GetProperty("accepted").GetInt32());
        Assert.Equal(0, body.GetProperty("duplicates").GetInt32());
    }

    [Fact]
    public async Task AlertingWebhookOpensAnIncidentAndOkResolvesIt()
    {
        var id = await NewServiceAsync();

        using var alerting = await Api.Monitor.PostAsync($"{WebhookPath}?service={id}", Http.Json.Raw(GenericFixtures.FormattedWebhookExample));
        await AssertAcceptedAsync(alerting);
        var incidentId = await Api.OpenIncidentIdAsync(id);
        using var ok = await Api.Monitor.PostAsync($"{WebhookPath}?service={id}", Http.Json.Raw(GenericFixtures.FormattedWebhook("ok")));
        await AssertAcceptedAsync(ok);

        var incident = await Api.GetIncidentAsync(incidentId);
        Assert.Equal("resolved", incident.Str("stage"));
        Assert.Equal("TestAlert: The whole system is down", incident.GetProperty("timeline")[0].Str("message"));
        Assert.Equal("operational", (await Api.GetServiceAsync(id)).Str("status"));
    }

    [Fact]
    public async Task WebhookWithoutServiceParameterIsABadRequest()
    {
        using var response = await Api.Monitor.PostAsync(WebhookPath, Http.Json.Raw(GenericFixtures.FormattedWebhookExample));

        var messages = await Problem.AssertValidationAsync(response, "service");
        Assert.Contains("?service=", messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebhookForAnUnknownServiceIsNotFound()
    {
        using var response = await Api.Monitor.PostAsync($"{WebhookPath}?service={TestIds.Unique("nowhere")}", Http.Json.Raw(GenericFixtures.FormattedWebhookExample));

        await Problem.AssertAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WebhookWithAnUnknownStateIsABadRequestAndNothingIsApplied()
    {
        var id = await NewServiceAsync();

        using var response = await Api.Monitor.PostAsync($"{WebhookPath}?service={id}", Http.Json.Raw(GenericFixtures.FormattedWebhook("pending")));

        await Problem.AssertValidationAsync(response, "state");
        Assert.Empty((await Api.GetServiceAsync(id)).GetProperty("checks").EnumerateArray());
    }

    [Fact]
    public async Task PushDownByGetThenUpByPostOpensAndResolvesAnIncident()
    {
        var id = await NewServiceAsync();

        using var down = await Api.Monitor.GetAsync(PushPath(id, "?status=down&msg=disk%20full"));
        await AssertAcceptedAsync(down);
        var incidentId = await Api.OpenIncidentIdAsync(id);
        using var up = await Api.Monitor.PostAsync(PushPath(id, "?status=up&msg=OK"), null);
        await AssertAcceptedAsync(up);

        var incident = await Api.GetIncidentAsync(incidentId);
        Assert.Equal("resolved", incident.Str("stage"));
        Assert.Equal(["disk full", "OK"], incident.GetProperty("timeline").EnumerateArray().Select(e => e.Str("message")));
        Assert.Equal(["push", "push"], incident.GetProperty("timeline").EnumerateArray().Select(e => e.Str("source")));
    }

    [Fact]
    public async Task PushToAnUnknownServiceIsNotFound()
    {
        using var response = await Api.Monitor.GetAsync(PushPath(TestIds.Unique("nowhere"), "?status=down"));

        await Problem.AssertAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PushWithAnUnknownStatusIsABadRequestAndNothingIsApplied()
    {
        var id = await NewServiceAsync();

        using var response = await Api.Monitor.GetAsync(PushPath(id, "?status=sideways"));

        await Problem.AssertValidationAsync(response, "status");
        Assert.Empty((await Api.GetServiceAsync(id)).GetProperty("checks").EnumerateArray());
    }

    [Fact]
    public async Task PushWithoutAnApiKeyIsUnauthorized()
    {
        var id = await NewServiceAsync();

        using var response = await Api.Anonymous.GetAsync(PushPath(id, "?status=down"));

        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("operational", (await Api.GetServiceAsync(id)).Str("status"));
    }

    [Fact]
    public async Task ClientKeyMayNotPush()
    {
        var id = await NewServiceAsync();

        using var response = await Api.Client.GetAsync(PushPath(id, "?status=down"));

        await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task IntegrationsAreDescribedInTheOpenApiDocument()
    {
        using var response = await Api.Anonymous.GetAsync("/openapi/v1.json");
        var paths = (await response.ReadJsonAsync()).GetProperty("paths");

        foreach (var (path, method) in new[]
        {
            ("/api/v1/integrations/grafana", "post"),
            ("/api/v1/integrations/pagerduty", "post"),
            ("/api/v1/integrations/formatted-webhook", "post"),
            ("/api/v1/services/{id}/push", "get"),
            ("/api/v1/services/{id}/push", "post"),
        })
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is not in the OpenAPI document");
            var operation = item.GetProperty(method);
            Assert.Equal(["Integrations"], operation.Strings("tags"));
            Assert.False(string.IsNullOrEmpty(operation.Str("summary")));
        }
    }
}
