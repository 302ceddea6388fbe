using UptimeCoordinator.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace UptimeCoordinator.Web.Tests.StatusPage;

/// <summary>After an incident, the page asks the client whether it works and how we did; a "no" reopens the incident.</summary>
[Collection(FeedbackCollection.Name)]
public sealed class FollowUpQuestionTests(FeedbackFixture web)
{
    [SkippableFact]
    public async Task ANotFixedAnswerFromThePageReopensTheIncident()
    {
        var clientId = web.NewClientId();
        var serviceId = await web.Api.CreateServiceAsync(name: "Reporting");

        // Without an SMTP relay the email notices stay pending, which is all the questions need.
        await web.Api.PutClientAsync(clientId, [serviceId], name: "Hooli", timeZone: StatusPageScene.TimeZone,
            contacts: [new { id = "it-desk", name = "IT desk", email = "it@hooli.test" }]);
        var page = await web.SignInAsClientAsync(await web.NewContextAsync(), clientId);
        var incidentId = await web.Api.OpenIncidentAsync(serviceId, DateTimeOffset.UtcNow.AddMinutes(-10));
        await web.Api.ResolveAsync(incidentId, "Restarted the report workers.");

        var ask = page.Locator($"#ask-list form[data-incident-id=\"{incidentId}\"]");
        await Expect(ask).ToBeVisibleAsync();
        await Expect(page.Locator("#asks")).ToBeVisibleAsync();
        await ask.GetByLabel("No, still broken").CheckAsync();
        await ask.GetByLabel("2", new() { Exact = true }).CheckAsync();
        await ask.GetByLabel("Anything else? (optional)").FillAsync("Reports still time out.");
        await ask.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await Expect(page.Locator("#ask-thanks")).ToContainTextAsync("reopened");
        await Expect(ask).ToHaveCountAsync(0);
        await UptimeCoordinator.Host.Tests.Infrastructure.Eventually.HoldsAsync(
            async () => (await web.Api.GetIncidentAsync(incidentId)).Str("stage") != "resolved", "the incident is open again");
        var incident = await web.Api.GetIncidentAsync(incidentId);
        Assert.Contains(incident.GetProperty("feedback").EnumerateArray(), f =>
            f.Str("clientId") == clientId && f.GetProperty("rating").GetInt32() == 2 && !f.GetProperty("fixedConfirmed").GetBoolean());

        // The reopened incident shows up among the open ones, live.
        await Expect(page.Locator($"#incident-list article[data-incident-id=\"{incidentId}\"]")).ToBeVisibleAsync();
        PageProblems.AssertNone(page);
    }
}
