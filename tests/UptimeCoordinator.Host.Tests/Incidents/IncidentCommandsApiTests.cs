using System.Net;
using UptimeCoordinator.Host.Tests.Http;

namespace UptimeCoordinator.Host.Tests.Incidents;

/// <summary>
/// The responders' commands refuse what does not fit: bad bodies are <c>400</c> naming the field,
/// actions the incident's stage does not allow are <c>409</c> and change nothing, the wrong role is
/// <c>403</c>, an unknown incident <c>404</c>; every error is <c>application/problem+json</c>.
/// </summary>
public sealed class IncidentCommandsApiTests(CoordinatorFixture fixture) : IClassFixture<CoordinatorFixture>
{
    private CoordinatorClient Api => fixture.Api;

    public static TheoryData<string, object> CommandsWithoutBy => new()
    {
        { "acknowledge", new { message = "on it" } },
        { "updates", new { message = "still on it" } },
        { "resolve", new { summary = "fixed" } },
        { "confirm", new { message = "seen" } },
        { "dismiss", new { message = "nothing there" } },
    };

    public static TheoryData<string, object> ValidCommands => new()
    {
        { "acknowledge", new { by = "Alice" } },
        { "updates", new { by = "Alice", message = "still on it" } },
        { "resolve", new { by = "Alice", summary = "fixed" } },
        { "confirm", new { by = "Alice" } },
        { "dismiss", new { by = "Alice" } },
    };

    [Fact]
    public async Task AcknowledgingAResolvedIncidentIsAConflictAndChangesNothing()
    {
        var (service, incidentId) = await DownIncidentAsync();
        await Api.RecordAsync(EventBody.Up(service, TestTime.Now.AddSeconds(1)));
        var before = await Api.GetIncidentAsync(incidentId);
        Assert.Equal("resolved", before.Str("stage"));

        using var response = await PostAsync(incidentId, "acknowledge", new { by = "Alice", eta = TestTime.Now.AddHours(1) });

        var problem = await Problem.AssertAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("resolved", problem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(Stored(before), Stored(await Api.GetIncidentAsync(incidentId)));
    }

    [Fact]
    public async Task AcknowledgingTwiceIsAConflictNamingWhoDidItFirst()
    {
        var (_, incidentId) = await DownIncidentAsync();
        using var first = await PostAsync(incidentId, "acknowledge", new { by = "Alice" });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var before = await Api.GetIncidentAsync(incidentId);

        using var second = await PostAsync(incidentId, "acknowledge", new { by = "Bob" });

        var problem = await Problem.AssertAsync(second, HttpStatusCode.Conflict);
        Assert.Contains("Alice", problem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(Stored(before), Stored(await Api.GetIncidentAsync(incidentId)));
    }

    [Fact]
    public async Task AnUpdateCannotMoveTheStageToResolved()
    {
        var (_, incidentId) = await DownIncidentAsync();

        using var response = await PostAsync(incidentId, "updates", new { by = "Alice", message = "done", stage = "resolved" });

        await Problem.AssertValidationAsync(response, "stage");
        Assert.Equal("detected", (await Api.GetIncidentAsync(incidentId)).Str("stage"));
    }

    [Theory]
    [InlineData("acknowledge")]
    [InlineData("updates")]
    public async Task AnEtaInThePastIsRejected(string action)
    {
        var (_, incidentId) = await DownIncidentAsync();

        using var response = await PostAsync(incidentId, action, new { by = "Alice", message = "soon", eta = TestTime.MinutesAgo(10) });

        await Problem.AssertValidationAsync(response, "eta");
        Assert.True((await Api.GetIncidentAsync(incidentId)).IsNull("eta"));
    }

    [Fact]
    public async Task ResolvingWithoutASummaryIsRejected()
    {
        var (_, incidentId) = await DownIncidentAsync();

        using var response = await PostAsync(incidentId, "resolve", new { by = "Alice", actionsTaken = new[] { "Restarted" }, timeSpentMinutes = 5 });

        await Problem.AssertValidationAsync(response, "summary");
        Assert.Equal("detected", (await Api.GetIncidentAsync(incidentId)).Str("stage"));
    }

    [Theory]
    [MemberData(nameof(CommandsWithoutBy))]
    public async Task ACommandWithoutByIsRejected(string action, object body)
    {
        var (_, incidentId) = await DownIncidentAsync();

        using var response = await PostAsync(incidentId, action, body);

        await Problem.AssertValidationAsync(response, "by");
    }

    [Theory]
    [MemberData(nameof(ValidCommands))]
    public async Task ACommandOnAnUnknownIncidentIsNotFound(string action, object body)
    {
        using var response = await PostAsync(TestIds.Unique("no-such-incident"), action, body);

        await Problem.AssertAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnUnknownFieldIsRejectedByName()
    {
        var (_, incidentId) = await DownIncidentAsync();

        using var response = await Api.Ops.PostAsync(
            $"{CoordinatorClient.IncidentPath(incidentId)}/acknowledge", Json.Raw("""{"by":"Alice","priority":"high"}"""));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("priority", problem.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("detected", (await Api.GetIncidentAsync(incidentId)).Str("stage"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public async Task ARatingOutsideOneToFiveIsRejected(int rating)
    {
        var (service, incidentId) = await DownIncidentAsync();
        await Api.RecordAsync(EventBody.Up(service, TestTime.Now.AddSeconds(1)));

        using var response = await Api.Ops.PostAsync(
            $"{CoordinatorClient.IncidentPath(incidentId)}/feedback", Json.Content(new { clientId = "acme", fixedConfirmed = true, rating }));

        await Problem.AssertValidationAsync(response, "rating");
        Assert.Empty((await Api.GetIncidentAsync(incidentId)).GetProperty("feedback").EnumerateArray());
    }

    [Theory]
    [InlineData("monitor")]
    [InlineData("client")]
    public async Task OnlyOpsMayAcknowledge(string role)
    {
        var (_, incidentId) = await DownIncidentAsync();
        var caller = role == "monitor" ? Api.Monitor : Api.Client;

        using var response = await caller.PostAsync($"{CoordinatorClient.IncidentPath(incidentId)}/acknowledge", Json.Content(new { by = "Mallory" }));

        await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("detected", (await Api.GetIncidentAsync(incidentId)).Str("stage"));
    }

    [Fact]
    public async Task DeclaringOnAnUnknownServiceIsRejectedNamingIt()
    {
        var known = TestIds.Unique();
        await Api.CreateServiceAsync(known);
        var unknown = TestIds.Unique("missing");

        using var response = await Api.Ops.PostAsync("/api/v1/incidents", Json.Content(new
        {
            title = "Something broke", serviceIds = new[] { unknown, known }, severity = "major", by = "Alice",
        }));

        var messages = await Problem.AssertValidationAsync(response, "serviceIds[0]");
        Assert.Contains(unknown, messages[0], StringComparison.Ordinal);
        Assert.Empty(await Api.IncidentIdsOfAsync(known));
        Assert.True((await Api.GetServiceAsync(known)).IsNull("openIncidentId"), "a refused declaration claims no service");
    }

    [Fact]
    public async Task StatsWithFromAfterToAreRejected()
    {
        var now = TestTime.Now;

        using var response = await Api.Ops.GetAsync(
            $"/api/v1/incidents/stats?from={IncidentRig.Rfc3339(now)}&to={IncidentRig.Rfc3339(now.AddDays(-1))}");

        await Problem.AssertValidationAsync(response, "from");
    }

    private Task<HttpResponseMessage> PostAsync(string incidentId, string action, object body) =>
        Api.Ops.PostAsync($"{CoordinatorClient.IncidentPath(incidentId)}/{action}", Json.Content(body));

    /// <summary>A new service that monitoring saw go down: its open, detected incident.</summary>
    private async Task<(string Service, string IncidentId)> DownIncidentAsync()
    {
        var service = TestIds.Unique();
        await Api.CreateServiceAsync(service);
        await Api.RecordAsync(EventBody.Down(service, TestTime.Now));
        return (service, await Api.OpenIncidentIdAsync(service));
    }
    /// <summary>The incident without its running cost, which is computed afresh (with its own time) on every read.</summary>
    private static string Stored(System.Text.Json.JsonElement incident) =>
        string.Join(",", incident.EnumerateObject().Where(p => p.Name != "cost").Select(p => p.ToString()));
}
