using UptimeCoordinator.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace UptimeCoordinator.Web.Tests.StatusPage;

/// <summary>An outage reaches an open status page over the live stream, with no reload.</summary>
[Collection(WebCollection.Name)]
public sealed class LiveIncidentTests(WebFixture web)
{
    [SkippableFact]
    public async Task IncidentAppearsLiveAfterAMonitorsDownEvent()
    {
        var scene = await StatusPageScene.OpenAsync(web, serviceNames: ["Checkout API"]);
        var page = scene.Page;
        await Expect(page.Locator("#incident-list")).ToContainTextAsync("No incidents. Everything you use is working.");
        await Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "open");
        await Expect(page.Locator("#overall")).ToHaveTextAsync("Operational");
        await scene.MarkWindowAsync();
        var navigations = 0;
        page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;

        var incidentId = await web.Api.OpenIncidentAsync(scene.ServiceIds[0], DateTimeOffset.UtcNow.AddMinutes(-3), "connection refused");

        var card = scene.Incident(incidentId);
        await Expect(card).ToBeVisibleAsync();
        await Expect(card.Locator(".stage")).ToHaveTextAsync("Detected");
        await Expect(card).ToContainTextAsync("Checkout API");
        await Expect(card.Locator(".eta")).ToHaveTextAsync("no ETA yet");
        await Expect(page.Locator("#overall")).ToHaveTextAsync("Major outage");
        await Expect(page.Locator($"#service-rows tr[data-service-id=\"{scene.ServiceIds[0]}\"]")).ToContainTextAsync("Major outage");
        await Expect(page.Locator("#announce")).ToContainTextAsync("New incident");
        Assert.True(await scene.StillSameWindowAsync(), "the page reloaded instead of changing live");
        Assert.Equal(0, navigations);

        // And it leaves the same way when the service recovers.
        await web.Api.UpAsync(scene.ServiceIds[0]);

        await Expect(card).ToHaveCountAsync(0);
        await Expect(page.Locator("#incident-list")).ToContainTextAsync("No incidents.");
        Assert.True(await scene.StillSameWindowAsync(), "the page reloaded instead of changing live");
        PageProblems.AssertNone(page);
    }
}
