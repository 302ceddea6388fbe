using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using UptimeCoordinator.Host.Tests.Http;

namespace UptimeCoordinator.Host.Tests.Integrations.Grafana;

/// <summary><c>POST /api/v1/integrations/grafana</c> without a signing secret: Grafana's alerts drive incidents.</summary>
[Collection(SharedCoordinatorCollection.Name)]
public sealed class GrafanaWebhookTests(CoordinatorFixture fixture)
{
    public const string Path = "/api/v1/integrations/grafana";

    private CoordinatorClient Api => fixture.Api;

    private async Task<JsonElement> PostAcceptedAsync(JsonObject webhook)
    {
        using var response = await Api.Monitor.PostAsync(Path, Http.Json.Raw(webhook.ToJsonString()));
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task FiringAlertOpensAnIncidentAndItsResolutionClosesIt()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id);
        var webhook = GrafanaFixtures.Firing(id, TestTime.MinutesAgo(10), alerts: 1);

        var fired = await PostAcceptedAsync(webhook);
        var incidentId = await Api.OpenIncidentIdAsync(id);
        var resolved = await PostAcceptedAsync(GrafanaFixtures.Resolve(webhook, 0, TestTime.MinutesAgo(2)));

        Assert.Equal(1, fired.GetProperty("accepted").GetInt32());
        Assert.Equal(1, resolved.GetProperty("accepted").GetInt32());
        var incident = await Api.GetIncidentAsync(incidentId);
        Assert.Equal("resolved", incident.Str("stage"));
        Assert.Equal(["grafana", "grafana"], incident.GetProperty("timeline").EnumerateArray().Select(e => e.Str("source")));
        Assert.Equal("operational", (await Api.GetServiceAsync(id)).Str("status"));
    }

    [Fact]
    public async Task TwoAlertsOnOneServiceAreTrackedApart()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id);
        var webhook = GrafanaFixtures.Firing(id, TestTime.MinutesAgo(10));
        await PostAcceptedAsync(webhook);

        await PostAcceptedAsync(GrafanaFixtures.Resolve(webhook, 0, TestTime.MinutesAgo(5)));
        var oneResolved = await Api.GetServiceAsync(id);
        await PostAcceptedAsync(GrafanaFixtures.Resolve(webhook, 1, TestTime.MinutesAgo(4)));

        Assert.Equal("partial_outage", oneResolved.Str("status"));
        Assert.False(oneResolved.IsNull("openIncidentId"));
        Assert.Equal("operational", (await Api.GetServiceAsync(id)).Str("status"));
    }

    [Fact]
    public async Task RepeatedNotificationIsCountedAsADuplicate()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id);
        var webhook = GrafanaFixtures.Firing(id, TestTime.MinutesAgo(10));
        await PostAcceptedAsync(webhook);

        var again = await PostAcceptedAsync(webhook);

        Assert.Equal(0, again.GetProperty("accepted").GetInt32());
        Assert.Equal(2, again.GetProperty("duplicates").GetInt32());
    }

    [Fact]
    public async Task AlertsForUnnamedOrUnknownServicesAreSkippedAndReportedWhileTheRestApply()
    {
        var id = TestIds.Unique();
        var unknown = TestIds.Unique("nowhere");
        await Api.CreateServiceAsync(id);
        var webhook = GrafanaFixtures.Firing(id, TestTime.MinutesAgo(10));
        webhook["alerts"]!.AsArray().Add(GrafanaFixtures.Example()["alerts"]![0]!.DeepClone());
        webhook["alerts"]!.AsArray().Add(GrafanaFixtures.Example()["alerts"]![0]!.DeepClone());
        GrafanaFixtures.Alert(webhook, 1)["labels"]!["service"] = unknown;
        GrafanaFixtures.Alert(webhook, 3)["labels"]!["service"] = "checkout service";

        var body = await PostAcceptedAsync(webhook);

        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        var skipped = body.GetProperty("skipped").EnumerateArray().ToList();
        Assert.Equal(["alerts[1]", "alerts[2]", "alerts[3]"], skipped.Select(s => s.Str("item")));
        Assert.Equal(unknown, skipped[0].Str("serviceId"));
        Assert.Contains("not in the catalogue", skipped[0].Str("reason"), StringComparison.Ordinal);
        Assert.True(skipped[1].IsNull("serviceId"));
        Assert.Contains("'service'", skipped[1].Str("reason"), StringComparison.Ordinal);
        Assert.Equal("checkout service", skipped[2].Str("serviceId"));
        Assert.StartsWith("serviceId must match", skipped[2].Str("reason"), StringComparison.Ordinal);
        Assert.Equal("major_outage", (await Api.GetServiceAsync(id)).Str("status"));
    }

    [Fact]
    public async Task MalformedJsonIsABadRequestThatSaysWhere()
    {
        using var response = await Api.Monitor.PostAsync(Path, Http.Json.Raw("""{"version":"1","alerts":[{"status":"firing",}"""));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("not valid JSON", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlertWithoutStatusIsABadRequestAndNothingIsApplied()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id);
        var webhook = GrafanaFixtures.Firing(id, TestTime.MinutesAgo(10));
        GrafanaFixtures.Alert(webhook, 1).Remove("status");

        using var response = await Api.Monitor.PostAsync(Path, Http.Json.Raw(webhook.ToJsonString()));

        await Problem.AssertValidationAsync(response, "alerts[1].status");
        Assert.Equal("operational", (await Api.GetServiceAsync(id)).Str("status"));
    }

    [Fact]
    public async Task WebhookWithoutAnApiKeyIsUnauthorized()
    {
        using var response = await Api.Anonymous.PostAsync(Path, Http.Json.Raw(GrafanaFixtures.DocumentedExample));

        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task UnsignedWebhookIsAcceptedWhenNoSecretIsConfigured()
    {
        using var response = await Api.Monitor.PostAsync(Path, Http.Json.Raw(GrafanaFixtures.DocumentedExample));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
