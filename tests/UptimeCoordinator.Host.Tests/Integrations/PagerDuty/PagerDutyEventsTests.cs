using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using UptimeCoordinator.Host.Tests.Http;

namespace UptimeCoordinator.Host.Tests.Integrations.PagerDuty;

/// <summary><c>POST /api/v1/integrations/pagerduty</c>: PagerDuty-style senders drive incidents unchanged.</summary>
[Collection(SharedCoordinatorCollection.Name)]
public sealed class PagerDutyEventsTests(CoordinatorFixture fixture)
{
    private const string Path = "/api/v1/integrations/pagerduty";

    private CoordinatorClient Api => fixture.Api;

    /// <summary>Posts as a PagerDuty sender does: no headers, the monitor key as routing_key.</summary>
    private async Task<JsonElement> SendAsync(JsonObject pagerDutyEvent)
    {
        using var response = await Api.Anonymous.PostAsync(Path, Http.Json.Raw(pagerDutyEvent.ToJsonString()));
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    private async Task<(string ServiceId, string DedupKey, string IncidentId)> TriggeredAsync()
    {
        var id = TestIds.Unique();
        var dedupKey = $"{id}/disk";
        await Api.CreateServiceAsync(id);
        await SendAsync(PagerDutyFixtures.Trigger(id, dedupKey, ApiKeys.Monitor));
        return (id, dedupKey, await Api.OpenIncidentIdAsync(id));
    }

    [Fact]
    public async Task TriggerOpensAnIncidentAndIsAnsweredAsPagerDutyAnswers()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id);

        var answer = await SendAsync(PagerDutyFixtures.Trigger(id, "srv01/mysql", ApiKeys.Monitor));

        Assert.Equal(["status", "message", "dedup_key"], answer.EnumerateObject().Select(p => p.Name));
        Assert.Equal("success", answer.Str("status"));
        Assert.Equal("Event processed", answer.Str("message"));
        Assert.Equal("srv01/mysql", answer.Str("dedup_key"));
        var incident = await Api.GetIncidentAsync(await Api.OpenIncidentIdAsync(id));
        Assert.Equal("detected", incident.Str("stage"));
        var opened = Assert.Single(incident.GetProperty("timeline").EnumerateArray());
        Assert.Equal("pagerduty", opened.Str("source"));
        Assert.Equal("DISK at 99% on machine prod-datapipe03.example.com", opened.Str("message"));
    }

    [Fact]
    public async Task WarningTriggerDegradesTheService()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id);

        await SendAsync(PagerDutyFixtures.Trigger(id, $"{id}/latency", ApiKeys.Monitor, severity: "warning"));

        Assert.Equal("degraded_performance", (await Api.GetServiceAsync(id)).Str("status"));
    }

    [Fact]
    public async Task AcknowledgeMovesTheIncidentToAcknowledgedWithATimelineEntry()
    {
        var (_, dedupKey, incidentId) = await TriggeredAsync();
        var acknowledge = PagerDutyFixtures.Follow("acknowledge", dedupKey, ApiKeys.Monitor);
        acknowledge["payload"] = new JsonObject { ["summary"] = "on it", ["source"] = "nagios-01" };

        var answer = await SendAsync(acknowledge);

        Assert.Equal("Event processed", answer.Str("message"));
        var incident = await Api.GetIncidentAsync(incidentId);
        Assert.Equal("acknowledged", incident.Str("stage"));
        var entry = incident.GetProperty("timeline").EnumerateArray().Last();
        Assert.Equal("acknowledged", entry.Str("kind"));
        Assert.Equal("pagerduty:nagios-01", entry.Str("source"));
        Assert.Equal("on it", entry.Str("message"));
    }

    [Fact]
    public async Task ResolveResolvesTheIncident()
    {
        var (id, dedupKey, incidentId) = await TriggeredAsync();

        var answer = await SendAsync(PagerDutyFixtures.Follow("resolve", dedupKey, ApiKeys.Monitor));

        Assert.Equal(dedupKey, answer.Str("dedup_key"));
        Assert.Equal("resolved", (await Api.GetIncidentAsync(incidentId)).Str("stage"));
        Assert.Equal("operational", (await Api.GetServiceAsync(id)).Str("status"));
    }

    [Fact]
    public async Task AcknowledgeForAnUnknownDedupKeyIsAcceptedAndDropped()
    {
        var (_, _, incidentId) = await TriggeredAsync();

        var answer = await SendAsync(PagerDutyFixtures.Follow("acknowledge", $"no-such-key-{Guid.NewGuid():N}", ApiKeys.Monitor));

        Assert.Equal("success", answer.Str("status"));
        Assert.StartsWith("Event dropped", answer.Str("message"), StringComparison.Ordinal);
        Assert.Equal("detected", (await Api.GetIncidentAsync(incidentId)).Str("stage"));
    }

    [Fact]
    public async Task ResolveForAnUnknownDedupKeyIsAcceptedAndDropped()
    {
        var (id, _, _) = await TriggeredAsync();

        var answer = await SendAsync(PagerDutyFixtures.Follow("resolve", $"no-such-key-{Guid.NewGuid():N}", ApiKeys.Monitor));

        Assert.StartsWith("Event dropped", answer.Str("message"), StringComparison.Ordinal);
        Assert.Equal("major_outage", (await Api.GetServiceAsync(id)).Str("status"));
    }

    [Fact]
    public async Task SecondResolveOfAKeyIsDropped()
    {
        var (_, dedupKey, _) = await TriggeredAsync();
        await SendAsync(PagerDutyFixtures.Follow("resolve", dedupKey, ApiKeys.Monitor));

        var again = await SendAsync(PagerDutyFixtures.Follow("resolve", dedupKey, ApiKeys.Monitor));

        Assert.StartsWith("Event dropped", again.Str("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TriggerWithoutDedupKeyGetsOneThatLaterResolvesIt()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id);

        var answer = await SendAsync(PagerDutyFixtures.Trigger(id, dedupKey: null, ApiKeys.Monitor));
        var generated = answer.Str("dedup_key");
        var incidentId = await Api.OpenIncidentIdAsync(id);
        await SendAsync(PagerDutyFixtures.Follow("resolve", generated, ApiKeys.Monitor));

        Assert.Matches("^[0-9a-f]{32}$", generated);
        Assert.Equal("resolved", (await Api.GetIncidentAsync(incidentId)).Str("stage"));
    }

    [Fact]
    public async Task TriggerForAServiceNotInTheCatalogueIsAcceptedAndDropped()
    {
        var answer = await SendAsync(PagerDutyFixtures.Trigger(TestIds.Unique("nowhere"), "k", ApiKeys.Monitor));

        Assert.Equal("success", answer.Str("status"));
        Assert.Contains("not in the catalogue", answer.Str("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiKeyHeaderAuthorisesWithoutARoutingKey()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id);

        using var response = await Api.Monitor.PostAsync(Path, Http.Json.Raw(PagerDutyFixtures.Trigger(id, "k").ToJsonString()));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("major_outage", (await Api.GetServiceAsync(id)).Str("status"));
    }

    [Fact]
    public async Task RoutingKeyThatIsNoConfiguredApiKeyIsRefusedAndNothingIsApplied()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id);

        using var response = await Api.Anonymous.PostAsync(Path, Http.Json.Raw(PagerDutyFixtures.Trigger(id, "k", ApiKeys.Unknown).ToJsonString()));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("routing_key", problem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal("operational", (await Api.GetServiceAsync(id)).Str("status"));
    }

    [Fact]
    public async Task ClientKeyAsRoutingKeyIsForbidden()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id);

        using var response = await Api.Anonymous.PostAsync(Path, Http.Json.Raw(PagerDutyFixtures.Trigger(id, "k", ApiKeys.Client).ToJsonString()));

        await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("operational", (await Api.GetServiceAsync(id)).Str("status"));
    }

    [Fact]
    public async Task InvalidEventIsABadRequestNamingTheFields()
    {
        var trigger = PagerDutyFixtures.Trigger(TestIds.Unique(), "k", ApiKeys.Monitor);
        trigger["payload"]!.AsObject().Remove("severity");

        using var response = await Api.Anonymous.PostAsync(Path, Http.Json.Raw(trigger.ToJsonString()));

        await Problem.AssertValidationAsync(response, "payload.severity");
    }

    [Fact]
    public async Task MalformedJsonIsABadRequest()
    {
        using var response = await Api.Monitor.PostAsync(Path, Http.Json.Raw("""{"event_action":"trigger","""));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
    }
}
