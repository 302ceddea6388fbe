using Microsoft.Playwright;
using UptimeCoordinator.Web.Tests.Infrastructure;

namespace UptimeCoordinator.Web.Tests.OpsConsole;

[Collection(WebCollection.Name)]
public sealed class RefusedCommandTests(WebFixture web)
{
    [SkippableFact]
    public async Task ARefusedResolveShowsTheProblemNextToTheFormAndKeepsWhatWasTyped()
    {
        var serviceId = await web.Api.CreateServiceAsync(name: "Refused resolve");
        var incidentId = await web.Api.OpenIncidentAsync(serviceId);
        var ops = await OpsConsolePage.OpenAsync(await web.NewContextAsync());

        var resolve = await ops.OpenActionAsync(incidentId, "Resolve", "resolve");
        await resolve.GetByLabel("Actions taken").FillAsync("Restarted the pods");
        await resolve.GetByLabel("Time spent in minutes").FillAsync("12");
        await resolve.GetByRole(AriaRole.Button, new() { Name = "Resolve incident" }).ClickAsync();

        await Assertions.Expect(resolve.GetByRole(AriaRole.Alert)).ToContainTextAsync("summary");
        await Assertions.Expect(resolve.GetByLabel("Actions taken")).ToHaveValueAsync("Restarted the pods");
        await Assertions.Expect(resolve.GetByLabel("Time spent in minutes")).ToHaveValueAsync("12");
        Assert.Equal("detected", (await web.Api.GetIncidentAsync(incidentId)).Str("stage"));
        PageProblems.AssertNone(ops.Page, "400 (Bad Request)");
    }

    [SkippableFact]
    public async Task ACommandWithoutTheOperatorsNameIsNotSentAndPointsAtTheNameField()
    {
        var serviceId = await web.Api.CreateServiceAsync(name: "Nameless acknowledge");
        var incidentId = await web.Api.OpenIncidentAsync(serviceId);
        var ops = await OpsConsolePage.OpenAsync(await web.NewContextAsync());
        await ops.Page.GetByLabel("Your name").FillAsync("");

        var acknowledge = await ops.OpenActionAsync(incidentId, "Acknowledge", "acknowledge");
        await acknowledge.GetByRole(AriaRole.Button, new() { Name = "Send acknowledgement" }).ClickAsync();

        await Assertions.Expect(ops.Page.Locator("#operator-error")).ToBeVisibleAsync();
        await Assertions.Expect(ops.Page.GetByLabel("Your name")).ToBeFocusedAsync();
        Assert.Equal("detected", (await web.Api.GetIncidentAsync(incidentId)).Str("stage"));
        PageProblems.AssertNone(ops.Page);
    }
}
