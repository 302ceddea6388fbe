using System.Net;
using System.Text.RegularExpressions;
using UptimeCoordinator.Host.Tests.Http;
using UptimeCoordinator.Host.Tests.Infrastructure;

namespace UptimeCoordinator.Host.Tests.Incidents;

/// <summary>
/// The issue's "done when": an incident told from detection to survey through the real API, to a
/// real SMTP server and a real webhook receiver, then the client's answer and the figures; and a
/// "not fixed" answer that reopens it.
/// </summary>
public sealed partial class IncidentStoryEndToEndTests(IncidentRigFixture fixture) : IClassFixture<IncidentRigFixture>
{
    private const string Detected = "incident.detected";
    private const string Acknowledged = "incident.acknowledged";
    private const string Update = "incident.update";
    private const string EtaChanged = "incident.eta_changed";
    private const string Resolved = "incident.resolved";
    private const string FollowUp = "incident.followup";
    private const string Survey = "incident.survey";

    private const string Summary = "A failed disk in the database array was replaced and the array rebuilt.";
    private static readonly string[] Actions = ["Replaced disk 3 of the primary array", "Rebuilt the array and verified the data"];
    private static readonly string[] FollowUps = ["Alert on disk SMART errors before they fail"];

    private IncidentRig Rig => fixture.Rig;

    [Fact]
    public async Task EveryContactHearsEachStepOnceInOrderFromDetectionToSurveyAndItsAnswerCounts()
    {
        var service = await Rig.CreateServiceAsync("story");
        var client = await Rig.CreateClientAsync([service]);
        var downAt = TestTime.Now;
        await Rig.Api.RecordAsync(new EventBody(service, "down", downAt, "blackbox", "http", "connection refused"));
        await Rig.ExpectNoticesAsync(client, Detected);
        var incidentId = await Rig.Api.OpenIncidentIdAsync(service);

        var eta = TestTime.Now.AddHours(1);
        var acknowledged = await Rig.CommandAsync(incidentId, "acknowledge", new { by = "Alice", eta, message = "Looking at the database servers" });
        Assert.Equal(("acknowledged", "Alice", eta), (acknowledged.Str("stage"), acknowledged.Str("acknowledgedBy"), acknowledged.Time("eta")));
        var acknowledgement = IncidentRig.Timeline(acknowledged)[^1];
        Assert.Equal(("acknowledged", "Alice", eta), (acknowledgement.Str("kind"), acknowledgement.Str("source"), acknowledgement.Time("eta")));

        // Each step waits for the one before to be delivered, as people do.
        await Rig.ExpectNoticesAsync(client, Detected, Acknowledged);
        var identified = await Rig.CommandAsync(incidentId, "updates", new { by = "Alice", message = "Found a bad disk", stage = "identified" });
        Assert.Equal("identified", identified.Str("stage"));
        await Rig.ExpectNoticesAsync(client, Detected, Acknowledged, Update);
        var laterEta = eta.AddMinutes(90);
        var moved = await Rig.CommandAsync(incidentId, "updates", new { by = "Alice", message = "The spare disk is still on its way", eta = laterEta });
        Assert.Equal(("eta_changed", laterEta), (IncidentRig.Timeline(moved)[^1].Str("kind"), moved.Time("eta")));
        await Rig.ExpectNoticesAsync(client, Detected, Acknowledged, Update, EtaChanged);
        var resolved = await Rig.CommandAsync(incidentId, "resolve", new
        {
            by = "Alice", summary = Summary, actionsTaken = Actions, timeSpentMinutes = 45, followUps = FollowUps,
        });
        Assert.Equal("resolved", resolved.Str("stage"));
        await Rig.ExpectNoticesAsync(client, Detected, Acknowledged, Update, EtaChanged, Resolved);

        // Monitoring sees the recovery after the responder said so: nobody hears "resolved" twice.
        await Rig.Api.RecordAsync(new EventBody(service, "up", TestTime.Now.AddSeconds(1), "blackbox", "http"));
        await Rig.ExpectNoticesAsync(client, Detected, Acknowledged, Update, EtaChanged, Resolved, FollowUp);
        Assert.Equal("closed", (await Rig.Api.GetIncidentAsync(incidentId)).Str("stage"));
        string[] story = [Detected, Acknowledged, Update, EtaChanged, Resolved, FollowUp, Survey];
        await Rig.ExpectNoticesAsync(client, story);
        await IncidentRig.SettleAsync();
        await Rig.ExpectNoticesAsync(client, story);

        AssertEachNoticeSaysItsStep(client, incidentId, eta, laterEta);
        var hooks = Rig.HooksOf(client);
        Assert.All(hooks, h => Assert.True(h.SignatureVerified, $"webhook {h.Id} is signed with the contact's secret"));
        Assert.Equal(story.Length, hooks.Select(h => h.Id).Distinct().Count());
        Assert.Equal(story.Length, Rig.MailTo(client).Select(m => m.Headers["X-Uptime-Notice-Id"]).Distinct().Count());
        await Eventually.HoldsAsync(
            async () => (await Rig.Notices.NoticesAsync(client.Id)).Count(n => n.Str("state") == "sent") == 2 * story.Length,
            "every notice recorded as sent");
        var log = await Rig.Notices.NoticesAsync(client.Id);
        Assert.Equal(2 * story.Length, log.Count);
        Assert.All(log, n => Assert.Equal("sent", n.Str("state")));

        var hookFeedback = IncidentRig.Data(hooks.Single(h => IncidentRig.Type(h) == FollowUp)).GetProperty("feedback");
        var token = hookFeedback.Str("token");
        Assert.Contains($"token={Uri.EscapeDataString(token)}", hookFeedback.Str("url"), StringComparison.Ordinal);
        using (var page = await Rig.Api.Anonymous.GetAsync(new Uri(hookFeedback.Str("url")).PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Is it working for you now?", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await AssertAnswersNeedAKeyOrTheContactsOwnTokenAsync(client, incidentId, token);
        using (var answer = await Rig.Api.Anonymous.PostAsync(
            $"{CoordinatorClient.IncidentPath(incidentId)}/feedback",
            Json.Content(new { clientId = client.Id, contactId = client.HookContactId, fixedConfirmed = true, rating = 5, token })))
        {
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"feedback with the token: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
            var accepted = await answer.ReadJsonAsync();
            Assert.Equal((incidentId, false, "closed"), (accepted.Str("incidentId"), accepted.GetProperty("reopened").GetBoolean(), accepted.Str("stage")));
        }

        AssertTheIncidentKeepsTheWholeStory(await Rig.Api.GetIncidentAsync(incidentId), client);
        var stats = await Rig.Notices.GetAsync($"/api/v1/incidents/stats?from={IncidentRig.Rfc3339(downAt)}&to={IncidentRig.Rfc3339(downAt.AddSeconds(1))}");
        Assert.Equal((1, 1, 1, 1, 0), (
            stats.GetProperty("incidents").GetInt32(), stats.GetProperty("acknowledged").GetInt32(), stats.GetProperty("resolved").GetInt32(),
            stats.GetProperty("ratings").GetInt32(), stats.GetProperty("reopened").GetInt32()));
        Assert.Equal(5, stats.GetProperty("meanRating").GetDouble());
        Assert.Equal(0, stats.GetProperty("reopenRate").GetDouble());
        Assert.False(stats.IsNull("mtta") || stats.IsNull("mttr") || stats.IsNull("meanTimeToClientNotice"), $"stats lack a mean time: {stats}");

        await AssertTheEmailContactAnswersThroughThePageAsync(client, incidentId);
    }

    [Fact]
    public async Task NotFixedFromTheClientReopensTheIncidentAndTellsTheRespondersAndTheClient()
    {
        var service = await Rig.CreateServiceAsync("reopen");
        var client = await Rig.CreateClientAsync([service], id: "acme");
        await Rig.Api.RecordAsync(new EventBody(service, "down", TestTime.Now, "blackbox", "http", "timeouts"));
        await Rig.ExpectNoticesAsync(client, Detected);
        var incidentId = await Rig.Api.OpenIncidentIdAsync(service);
        await Rig.CommandAsync(incidentId, "resolve", new { by = "Bob", summary = "Restarted the stuck workers.", actionsTaken = new[] { "Restarted workers" }, timeSpentMinutes = 10 });
        await Rig.ExpectNoticesAsync(client, Detected, Resolved, FollowUp);

        using var foreign = await Rig.Api.Client.PostAsync(
            $"{CoordinatorClient.IncidentPath(incidentId)}/feedback", Json.Content(new { clientId = "globex", fixedConfirmed = false }));
        await Problem.AssertAsync(foreign, HttpStatusCode.NotFound);
        using var answer = await Rig.Api.Client.PostAsync(
            $"{CoordinatorClient.IncidentPath(incidentId)}/feedback", Json.Content(new { clientId = "acme", fixedConfirmed = false, comment = "Still failing for us" }));
        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"feedback: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        var accepted = await answer.ReadJsonAsync();
        Assert.Equal((true, "detected"), (accepted.GetProperty("reopened").GetBoolean(), accepted.Str("stage")));

        var incident = await Rig.Api.GetIncidentAsync(incidentId);
        Assert.Equal(("detected", 1), (incident.Str("stage"), incident.GetProperty("reopenCount").GetInt32()));
        Assert.True(incident.IsNull("resolution"), "the resolution that did not hold is gone");
        var reopened = IncidentRig.Timeline(incident)[^1];
        Assert.Equal(("reopened", "client:acme"), (reopened.Str("kind"), reopened.Str("source")));

        await Rig.ExpectResponderNoticesAsync(incidentId, "incident.reopened");
        var toResponders = IncidentRig.Data(Rig.ResponderHooks(incidentId).Single()).Str("text");
        Assert.Contains("Still failing for us", toResponders, StringComparison.Ordinal);
        Assert.Contains($"/api/v1/incidents/{incidentId}/acknowledge", toResponders, StringComparison.Ordinal);

        // The survey may come in before the answer on a slow machine; it is not what this test is about.
        await Eventually.HoldsAsync(
            () => Rig.MailTo(client).Count(m => IncidentRig.Kind(m) == Acknowledged) == 1 && Rig.HooksOf(client).Count(h => IncidentRig.Type(h) == Acknowledged) == 1,
            "the client's contacts told we are on it again");
        Assert.Equal([Detected, Resolved, FollowUp, Acknowledged], Rig.MailTo(client).Select(IncidentRig.Kind).Where(k => k != Survey));
        Assert.Equal([Detected, Resolved, FollowUp, Acknowledged], Rig.HooksOf(client).Select(IncidentRig.Type).Where(k => k != Survey));
        var (mail, hook) = Rig.TextsOf(client, Acknowledged);
        Assert.All(new[] { mail, hook }, text =>
        {
            Assert.Contains("You told us it is still not working", text, StringComparison.Ordinal);
            Assert.Contains("Still failing for us", text, StringComparison.Ordinal);
        });
        await Eventually.HoldsAsync(
            async () => (await Rig.Api.GetServiceAsync(service)).NullableStr("openIncidentId") == incidentId,
            "the service holds the reopened incident again, so monitoring's next change joins it");
    }

    private void AssertEachNoticeSaysItsStep(RigClient client, string incidentId, DateTimeOffset eta, DateTimeOffset laterEta)
    {
        var (ackSubjectMail, ackSubjectHook) = Rig.SubjectsOf(client, Acknowledged);
        Assert.All(new[] { ackSubjectMail, ackSubjectHook }, s => Assert.Contains($"fix expected by {IncidentRig.BerlinClock(eta)}", s, StringComparison.Ordinal));
        Assert.All(Both(Rig.TextsOf(client, Acknowledged)), text =>
        {
            Assert.Contains($"We expect it fixed by {IncidentRig.BerlinClock(eta)} on", text, StringComparison.Ordinal);
            Assert.Contains("Europe/Berlin", text, StringComparison.Ordinal);
            Assert.Contains("Alice", text, StringComparison.Ordinal);
        });
        Assert.All(Both(Rig.TextsOf(client, Update)), text => Assert.Contains("Found a bad disk", text, StringComparison.Ordinal));
        Assert.All(Both(Rig.TextsOf(client, EtaChanged)), text =>
        {
            Assert.Contains($"We now expect it fixed by {IncidentRig.BerlinClock(laterEta)} on", text, StringComparison.Ordinal);
            Assert.Contains($"later than the one we gave you: {IncidentRig.BerlinClock(eta)} on", text, StringComparison.Ordinal);
            Assert.Contains("1 hour 30 minutes later", text, StringComparison.Ordinal);
        });
        Assert.All(Both(Rig.TextsOf(client, Resolved)), text =>
        {
            Assert.Contains(Summary, text, StringComparison.Ordinal);
            Assert.All(Actions, action => Assert.Contains(action, text, StringComparison.Ordinal));
            Assert.Contains("45 minutes", text, StringComparison.Ordinal);
            Assert.Contains(FollowUps[0], text, StringComparison.Ordinal);
        });
        var link = $"/feedback?incident={Uri.EscapeDataString(incidentId)}";
        Assert.All(Both(Rig.TextsOf(client, FollowUp)), text => Assert.Contains(link, text, StringComparison.Ordinal));
        Assert.All(Both(Rig.TextsOf(client, Survey)), text => Assert.Contains(link, text, StringComparison.Ordinal));
    }

    private async Task AssertAnswersNeedAKeyOrTheContactsOwnTokenAsync(RigClient client, string incidentId, string hookToken)
    {
        var path = $"{CoordinatorClient.IncidentPath(incidentId)}/feedback";
        using var keyless = await Rig.Api.Anonymous.PostAsync(path, Json.Content(new { clientId = client.Id, contactId = client.HookContactId, fixedConfirmed = true, rating = 5 }));
        await Problem.AssertAsync(keyless, HttpStatusCode.Unauthorized);

        // A real token, but the email contact's: a token answers for its own contact only.
        var mailToken = Uri.UnescapeDataString(TokenInLink().Match(Rig.TextsOf(client, FollowUp).Mail).Groups[1].Value);
        Assert.NotEqual(hookToken, mailToken);
        foreach (var wrong in new[] { mailToken, hookToken[..^2] + "xx" })
        {
            using var forged = await Rig.Api.Anonymous.PostAsync(
                path, Json.Content(new { clientId = client.Id, contactId = client.HookContactId, fixedConfirmed = true, rating = 5, token = wrong }));
            await Problem.AssertAsync(forged, HttpStatusCode.Forbidden);
        }

        Assert.Empty((await Rig.Api.GetIncidentAsync(incidentId)).GetProperty("feedback").EnumerateArray());
    }

    private async Task AssertTheEmailContactAnswersThroughThePageAsync(RigClient client, string incidentId)
    {
        var mailToken = Uri.UnescapeDataString(TokenInLink().Match(Rig.TextsOf(client, FollowUp).Mail).Groups[1].Value);
        FormUrlEncodedContent Form(string token) => new(new Dictionary<string, string>
        {
            ["incident"] = incidentId, ["client"] = client.Id, ["contact"] = client.EmailContactId, ["token"] = token,
            ["fixed"] = "yes", ["rating"] = "4", ["comment"] = "Quick & clear",
        });

        using (var forged = await Rig.Api.Anonymous.PostAsync("/feedback", Form(mailToken[..^2] + "xx")))
        {
            Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        }

        using (var page = await Rig.Api.Anonymous.PostAsync("/feedback", Form(mailToken)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Thank you for your answer", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var answers = (await Rig.Api.GetIncidentAsync(incidentId)).GetProperty("feedback").EnumerateArray().ToList();
        var byMail = Assert.Single(answers, a => a.Str("contactId") == client.EmailContactId);
        Assert.Equal((true, 4, "Quick & clear"), (byMail.GetProperty("fixedConfirmed").GetBoolean(), byMail.GetProperty("rating").GetInt32(), byMail.Str("comment")));
    }

    private static void AssertTheIncidentKeepsTheWholeStory(System.Text.Json.JsonElement incident, RigClient client)
    {
        Assert.Equal("closed", incident.Str("stage"));
        Assert.True(incident.IsNull("nextUpdateDue"), "a closed incident promises no next update");
        Assert.False(incident.IsNull("followUpSentAt") || incident.IsNull("surveySentAt") || incident.IsNull("closedAt"), $"scheduled steps not recorded: {incident}");
        Assert.Equal(
            ["opened", "acknowledged", "update", "eta_changed", "resolved", "follow_up_sent", "survey_sent", "feedback"],
            IncidentRig.Timeline(incident).Select(e => e.Str("kind")));
        var resolution = incident.GetProperty("resolution");
        Assert.Equal((Summary, "Alice", 45, false), (resolution.Str("summary"), resolution.Str("by"), resolution.GetProperty("timeSpentMinutes").GetInt32(), resolution.GetProperty("automatic").GetBoolean()));
        Assert.Equal(Actions, resolution.Strings("actionsTaken"));
        Assert.Equal(FollowUps, resolution.Strings("followUps"));
        var feedback = Assert.Single(incident.GetProperty("feedback").EnumerateArray());
        Assert.Equal((client.Id, client.HookContactId, true, 5), (feedback.Str("clientId"), feedback.Str("contactId"), feedback.GetProperty("fixedConfirmed").GetBoolean(), feedback.GetProperty("rating").GetInt32()));
        var figures = incident.GetProperty("figures");
        Assert.False(figures.IsNull("timeToAcknowledge") || figures.IsNull("timeToResolve") || figures.IsNull("timeToClientNotice"), $"figures incomplete: {figures}");
        Assert.Equal((5.0, 1), (figures.GetProperty("meanRating").GetDouble(), figures.GetProperty("ratings").GetInt32()));
    }

    private static string[] Both((string Mail, string Hook) texts) => [texts.Mail, texts.Hook];

    [GeneratedRegex(@"[?&]token=([^\s&]+)", RegexOptions.CultureInvariant)]
    private static partial Regex TokenInLink();
}
