using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using UptimeCoordinator.Host.Tests.Http;
using RequestBody = UptimeCoordinator.Host.Tests.Http.Json;
using static UptimeCoordinator.Host.Tests.Integrations.Alertmanager.AlertmanagerFixtures;

namespace UptimeCoordinator.Host.Tests.Integrations.Alertmanager;

/// <summary><c>POST /api/v1/integrations/alertmanager</c> over HTTP, with the captured payloads.</summary>
[Collection(SharedCoordinatorCollection.Name)]
public sealed class AlertmanagerWebhookTests(CoordinatorFixture fixture)
{
    private const string Path = "/api/v1/integrations/alertmanager";

    private CoordinatorClient Api => fixture.Api;

    [Fact]
    public async Task FiringNotificationOpensAnIncidentAndResolvedNotificationResolvesIt()
    {
        var id = await NewServiceAsync();

        var firing = await PostAcceptedAsync(Recent(FiringTwoAlerts, id));

        Assert.Equal((2, 0, 0), Counts(firing));
        var service = await Api.GetServiceAsync(id);
        Assert.Equal("partial_outage", service.Str("status"));
        Assert.Equal(
            [(CriticalFingerprint, "down"), (WarningFingerprint, "degraded")],
            service.GetProperty("checks").EnumerateArray().Select(c => (c.Str("name"), c.Str("status"))).Order());
        var incidentId = service.Str("openIncidentId");
        var opened = (await Api.GetIncidentAsync(incidentId)).GetProperty("timeline")[0];
        Assert.Equal(("alertmanager", "Checkout error rate above 5%"), (opened.Str("source"), opened.Str("message")));

        var resolved = await PostAcceptedAsync(Recent(ResolvedTwoAlerts, id));

        Assert.Equal((2, 0, 0), Counts(resolved));
        Assert.Equal("operational", (await Api.GetServiceAsync(id)).Str("status"));
        Assert.Equal("resolved", (await Api.GetIncidentAsync(incidentId)).Str("stage"));
    }

    [Fact]
    public async Task SameNotificationPostedTwiceIsAllDuplicatesAndChangesNothing()
    {
        var id = await NewServiceAsync();
        var body = Recent(FiringTwoAlerts, id);
        await PostAcceptedAsync(body);
        var before = await Api.GetIncidentAsync(await Api.OpenIncidentIdAsync(id));

        var retry = await PostAcceptedAsync(body);

        Assert.Equal((0, 2, 0), Counts(retry));
        var after = await Api.GetIncidentAsync(await Api.OpenIncidentIdAsync(id));
        Assert.Equal(before.Str("id"), after.Str("id"));
        Assert.Equal(before.GetProperty("timeline").GetArrayLength(), after.GetProperty("timeline").GetArrayLength());
        Assert.Equal("partial_outage", (await Api.GetServiceAsync(id)).Str("status"));
    }

    [Fact]
    public async Task ServiceStaysOutUntilEveryAlertOnItHasResolved()
    {
        var id = await NewServiceAsync();
        await PostAcceptedAsync(Recent(FiringTwoAlerts, id));
        var resolved = JsonNode.Parse(Recent(ResolvedTwoAlerts, id))!.AsObject();
        var onlyCritical = resolved.DeepClone().AsObject();
        onlyCritical["alerts"]!.AsArray().RemoveAt(1);
        var onlyWarning = resolved.DeepClone().AsObject();
        onlyWarning["alerts"]!.AsArray().RemoveAt(0);

        await PostAcceptedAsync(onlyCritical.ToJsonString());

        Assert.Equal("degraded_performance", (await Api.GetServiceAsync(id)).Str("status"));
        Assert.NotNull((await Api.GetServiceAsync(id)).NullableStr("openIncidentId"));

        await PostAcceptedAsync(onlyWarning.ToJsonString());

        var service = await Api.GetServiceAsync(id);
        Assert.Equal("operational", service.Str("status"));
        Assert.True(service.IsNull("openIncidentId"));
    }

    [Fact]
    public async Task AlertsForServicesNotInTheCatalogueAreSkippedAndListedNotRefused()
    {
        var known = await NewServiceAsync();
        var unknown = TestIds.Unique("absent");
        var body = JsonNode.Parse(Recent(FiringTwoAlerts, known))!.AsObject();
        body["alerts"]![1]!["labels"]!["service"] = unknown;

        var result = await PostAcceptedAsync(body.ToJsonString());

        Assert.Equal((1, 0, 1), Counts(result));
        var skipped = result.GetProperty("skipped")[0];
        Assert.Equal(("alerts[1]", WarningFingerprint), (skipped.Str("item"), skipped.Str("check")));
        Assert.Contains($"unknown service '{unknown}'", skipped.Str("reason"));
        Assert.Equal("major_outage", (await Api.GetServiceAsync(known)).Str("status"));
    }

    [Fact]
    public async Task AlertThatCannotNameAServiceIsSkippedWithItsReason()
    {
        var id = await NewServiceAsync();
        var body = JsonNode.Parse(Recent(FiringTwoAlerts, id))!.AsObject();
        body["alerts"]![0]!["labels"]!["service"] = "Not A Slug";

        var result = await PostAcceptedAsync(body.ToJsonString());

        Assert.Equal((1, 0, 1), Counts(result));
        Assert.Contains("not a service id", result.GetProperty("skipped")[0].Str("reason"));
        Assert.Equal("degraded_performance", (await Api.GetServiceAsync(id)).Str("status"));
    }

    [Fact]
    public async Task AlertStartingInTheFutureIsSkippedNotRefused()
    {
        var id = await NewServiceAsync();
        var body = JsonNode.Parse(Recent(FiringTwoAlerts, id))!.AsObject();
        body["alerts"]![0]!["startsAt"] = DateTimeOffset.UtcNow.AddHours(1).ToString("O");

        var result = await PostAcceptedAsync(body.ToJsonString());

        Assert.Equal((1, 0, 1), Counts(result));
        Assert.Contains("observedAt", result.GetProperty("skipped")[0].Str("reason"));
    }

    [Fact]
    public async Task ClientKeyIsForbidden()
    {
        var id = await NewServiceAsync();

        using var response = await Api.Client.PostAsync(Path, RequestBody.Raw(Recent(FiringTwoAlerts, id)));

        await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("operational", (await Api.GetServiceAsync(id)).Str("status"));
    }

    [Fact]
    public async Task MissingKeyIsUnauthorized()
    {
        using var response = await Api.Anonymous.PostAsync(Path, RequestBody.Raw(Text(FiringTwoAlerts)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task OpsKeyMayPostTheWebhookToo()
    {
        var id = await NewServiceAsync();

        using var response = await Api.Ops.PostAsync(Path, RequestBody.Raw(Recent(FiringTwoAlerts, id)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task BodyThatIsNotJsonIsAValidationProblem()
    {
        using var response = await Api.Monitor.PostAsync(Path, RequestBody.Raw("""{"version":"4","alerts":["""));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("not valid JSON", Assert.Single(Problem.Errors(problem)).Value.Single());
    }

    [Theory]
    [InlineData("[]", "")]
    [InlineData("null", "")]
    [InlineData("""{"version":"4","alerts":"none"}""", "alerts")]
    [InlineData("""{"version":"4","alerts":[{"labels":["service"]}]}""", "alerts[0].labels")]
    public async Task BodyOfTheWrongShapeIsAValidationProblemNamingTheField(string body, string field)
    {
        using var response = await Api.Monitor.PostAsync(Path, RequestBody.Raw(body));

        await Problem.AssertValidationAsync(response, field);
    }

    [Theory]
    [InlineData("version", "\"3\"")]
    [InlineData("alerts", "[]")]
    public async Task PayloadOfAnotherVersionOrWithoutAlertsIsAValidationProblemAndAppliesNothing(string field, string value)
    {
        var id = await NewServiceAsync();
        var body = JsonNode.Parse(Recent(FiringTwoAlerts, id))!.AsObject();
        body[field] = JsonNode.Parse(value);

        using var response = await Api.Monitor.PostAsync(Path, RequestBody.Raw(body.ToJsonString()));

        await Problem.AssertValidationAsync(response, field);
        Assert.Equal("operational", (await Api.GetServiceAsync(id)).Str("status"));
    }

    [Fact]
    public async Task OpenApiDescribesTheWebhookUnderIntegrationsWithItsPayload()
    {
        using var response = await Api.Anonymous.GetAsync("/openapi/v1.json");

        var document = await response.ReadJsonAsync();
        var post = document.GetProperty("paths").GetProperty(Path).GetProperty("post");
        Assert.Equal(["Integrations"], post.Strings("tags"));
        Assert.Equal("PostAlertmanagerWebhook", post.Str("operationId"));
        var schema = post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Equal("#/components/schemas/AlertmanagerPayload", schema.Str("$ref"));
        var properties = document.GetProperty("components").GetProperty("schemas").GetProperty("AlertmanagerPayload").GetProperty("properties");
        Assert.True(properties.TryGetProperty("externalURL", out _), properties.ToString());
        Assert.True(post.GetProperty("responses").TryGetProperty("202", out _));
    }

    private async Task<string> NewServiceAsync()
    {
        var id = TestIds.Unique("am");
        await Api.CreateServiceAsync(id);
        return id;
    }

    private async Task<JsonElement> PostAcceptedAsync(string body)
    {
        using var response = await Api.Monitor.PostAsync(Path, RequestBody.Raw(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST {Path}: {(int)response.StatusCode} {text}");
        return await response.ReadJsonAsync();
    }

    private static (int Accepted, int Duplicates, int Skipped) Counts(JsonElement result) =>
        (result.GetProperty("accepted").GetInt32(), result.GetProperty("duplicates").GetInt32(), result.GetProperty("skipped").GetArrayLength());
}
