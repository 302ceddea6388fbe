using UptimeCoordinator.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace UptimeCoordinator.Web.Tests.StatusPage;

/// <summary>The client's services as it lives them, and what an outage did to this month's SLA.</summary>
[Collection(WebCollection.Name)]
public sealed class ServicesAndSlaTests(WebFixture web)
{
    [SkippableFact]
    public async Task ServicesShowTheirLiveStatusAndTheSlaMonthToDateCountsTheOutage()
    {
        // Thirty minutes down this month is far past 99.9 %'s budget of a day and a half (about 2 minutes).
        var scene = await StatusPageScene.OpenAsync(web, services: 2, serviceNames: ["Checkout API", "Customer login"],
            beforeOpening: ids => web.Api.OpenIncidentAsync(ids[0], DateTimeOffset.UtcNow.AddMinutes(-30)));

        var rows = scene.Page.Locator("#service-rows tr");
        await Expect(rows.Filter(new() { HasText = "Checkout API" })).ToContainTextAsync("Major outage");
        await Expect(rows.Filter(new() { HasText = "Customer login" })).ToContainTextAsync("Operational");

        var sla = scene.Page.Locator("#sla-body");
        await Expect(sla.Locator(".sla-verdict")).ToHaveTextAsync("Below target");
        await Expect(sla.Locator(".sla-uptime")).ToContainTextAsync("(target 99.9%)");
        await Expect(sla.Locator(".sla-budget")).ToContainTextAsync("none:");
        PageProblems.AssertNone(scene.Page);
    }
}
