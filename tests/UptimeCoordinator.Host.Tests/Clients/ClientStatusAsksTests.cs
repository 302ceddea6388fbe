using System.Net;
using System.Text.Json;
using UptimeCoordinator.Host.Tests.Http;
using UptimeCoordinator.Host.Tests.Incidents;
using UptimeCoordinator.Host.Tests.Infrastructure;

namespace UptimeCoordinator.Host.Tests.Clients;

/// <summary>
/// The client's status: each open incident's public timeline as <c>updates</c>, and <c>asks</c>, the
/// follow-up and survey questions sent to it about a finished incident that nobody of it has answered.
/// </summary>
public sealed class ClientStatusAsksTests(ClientStatusAsksRigFixture fixture) : IClassFixture<ClientStatusAsksRigFixture>
{
    private static readonly string[] PrivateKinds = ["responders_nudged", "follow_up_sent", "survey_sent", "feedback"];

    private IncidentRig Rig => fixture.Rig;

    [Fact]
    public async Task AnOpenIncidentsUpdatesAreItsPublicTimelineWithoutTheRespondersNudges()
    {
        var service = await Rig.CreateServiceAsync("updates");
        var client = await Rig.CreateClientAsync([service]);
        await Rig.Api.RecordAsync(new EventBody(service, "down", TestTime.Now, "blackbox", "http", "connection refused"));
        await Rig.ExpectMailAsync(client, "incident.detected");
        var incidentId = await Rig.Api.OpenIncidentIdAsync(service);
        await Rig.CommandAsync(incidentId, "acknowledge", new { by = "Alice", message = "Looking at the servers" });

        // Quiet for the reminder interval: the responders are nudged and the clients told "still working".
        await Eventually.HoldsAsync(
            async () => IncidentRig.Timeline(await Rig.Api.GetIncidentAsync(incidentId)).Select(e => e.Str("kind")).Contains("still_working"),
            "a nudge and a holding update");
        var timeline = IncidentRig.Timeline(await Rig.Api.GetIncidentAsync(incidentId));
        var status = await StatusAsync(client.Id);

        var incident = Assert.Single(status.GetProperty("incidents").EnumerateArray());
        var updates = incident.GetProperty("updates").EnumerateArray().ToList();
        var kinds = updates.Select(u => u.Str("kind")).ToList();
        Assert.Contains("responders_nudged", timeline.Select(e => e.Str("kind")));
        Assert.DoesNotContain(kinds, PrivateKinds.Contains);
        Assert.Contains("acknowledged", kinds);
        Assert.Contains("still_working", kinds);
        var publicTimeline = timeline.Where(e => !PrivateKinds.Contains(e.Str("kind"))).ToList();
        Assert.True(updates.Count >= publicTimeline.Count, $"updates {string.Join(",", kinds)} lack some of the timeline");
        Assert.Equal(publicTimeline.Select(e => (e.Str("kind"), e.Time("at"))), updates.Take(publicTimeline.Count).Select(u => (u.Str("kind"), u.Time("at"))));
        Assert.Equal("Looking at the servers", updates.Single(u => u.Str("kind") == "acknowledged").Str("message"));

        await Rig.CommandAsync(incidentId, "resolve", new { by = "Alice", summary = "Restarted.", actionsTaken = new[] { "Restarted" }, timeSpentMinutes = 5 });
    }

    [Fact]
    public async Task TheFollowUpAndSurveyShowAsOneAskUntilThisClientAnswersWhateverOtherClientsDo()
    {
        var service = await Rig.CreateServiceAsync("asks");
        var (first, second) = (await Rig.CreateClientAsync([service]), await Rig.CreateClientAsync([service]));
        await Rig.Api.RecordAsync(new EventBody(service, "down", TestTime.Now, "blackbox", "http", "timeouts"));
        await Rig.ExpectMailAsync(first, "incident.detected");
        var incidentId = await Rig.Api.OpenIncidentIdAsync(service);
        var title = (await Rig.Api.GetIncidentAsync(incidentId)).Str("title");
        Assert.Empty(Asks(await StatusAsync(first.Id)));

        await Rig.CommandAsync(incidentId, "resolve", new { by = "Bob", summary = "Restarted the workers.", actionsTaken = new[] { "Restarted workers" }, timeSpentMinutes = 10 });
        var followUp = await AskOfKindAsync(first.Id, incidentId, "incident.followup");
        Assert.Equal(title, followUp.Str("title"));
        var survey = await AskOfKindAsync(first.Id, incidentId, "incident.survey");
        Assert.True(survey.Time("askedAt") >= followUp.Time("askedAt"), $"the survey {survey} came before the follow-up {followUp}");
        await AskOfKindAsync(second.Id, incidentId, "incident.survey");

        await AnswerAsync(incidentId, second.Id);
        Assert.DoesNotContain(Asks(await StatusAsync(second.Id)), a => a.Str("incidentId") == incidentId);
        Assert.Contains(Asks(await StatusAsync(first.Id)), a => a.Str("incidentId") == incidentId);

        await AnswerAsync(incidentId, first.Id);
        Assert.DoesNotContain(Asks(await StatusAsync(first.Id)), a => a.Str("incidentId") == incidentId);
    }

    private async Task<JsonElement> StatusAsync(string clientId) => await Rig.Notices.GetAsync($"/api/v1/clients/{clientId}/status");

    private static List<JsonElement> Asks(JsonElement status) => [.. status.GetProperty("asks").EnumerateArray()];

    /// <summary>Waits until the client's one ask about the incident is of <paramref name="kind"/>: the latest question sent stands for both.</summary>
    private async Task<JsonElement> AskOfKindAsync(string clientId, string incidentId, string kind)
    {
        JsonElement ask = default;
        await Eventually.HoldsAsync(
            async () =>
            {
                var about = Asks(await StatusAsync(clientId)).Where(a => a.Str("incidentId") == incidentId).ToList();
                Assert.True(about.Count <= 1, $"more than one ask about {incidentId}: {string.Join(", ", about)}");
                return about.Count == 1 && (ask = about[0]).Str("kind") == kind;
            },
            $"{clientId} asked {kind} about {incidentId}");
        return ask;
    }

    private async Task AnswerAsync(string incidentId, string clientId)
    {
        using var response = await Rig.Api.Ops.PostAsync(
            $"{CoordinatorClient.IncidentPath(incidentId)}/feedback", Json.Content(new { clientId, fixedConfirmed = true, rating = 4 }));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"feedback of {clientId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

/// <summary>An <see cref="IncidentRig"/> whose questions and nudges come within seconds.</summary>
public sealed class ClientStatusAsksRigFixture : IAsyncLifetime
{
    internal IncidentRig Rig { get; private set; } = null!;

    public async Task InitializeAsync() => Rig = await IncidentRig.StartAsync(new()
    {
        ["Notifications:FollowUpDelay"] = "PT1S",
        ["Notifications:SurveyDelay"] = "PT2S",
        ["Incidents:UpdateReminderInterval"] = "PT2S",
    });

    public async Task DisposeAsync() => await Rig.DisposeAsync();
}
