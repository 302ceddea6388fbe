using Microsoft.Playwright;
using UptimeCoordinator.Web.Tests.Infrastructure;

namespace UptimeCoordinator.Web.Tests.OpsConsole;

[Collection(WebCollection.Name)]
public sealed class OpsConsoleScreenshotTests(WebFixture web)
{
    /// <summary>Sets a realistic morning and checks what the screenshot shows; with UC_SCREENSHOTS=1 (never in CI) it writes docs/screenshots/ops-console.png.</summary>
    [SkippableFact]
    public async Task ConsoleShowsAnOutageWithItsCostAndTheCheapestMaintenanceWindows()
    {
        var database = await web.Api.CreateServiceAsync(name: "Orders database");
        var api = await web.Api.CreateServiceAsync(name: "Orders API", dependsOn: [database]);
        var storefront = await web.Api.CreateServiceAsync(name: "Storefront");
        await web.Api.PutClientAsync(web.NewClientId(), [api], name: "Northwind Retail", costPerHour: 4800);
        await web.Api.PutClientAsync(web.NewClientId(), [api, storefront], name: "Contoso Travel", timeZone: "America/New_York", costPerHour: 2500, currency: "USD");
        var incidentId = await web.Api.OpenIncidentAsync(database, DateTimeOffset.UtcNow.AddMinutes(-42), "primary does not accept connections");

        var ops = await OpsConsolePage.OpenAsync(await web.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 1000 } }));
        var card = ops.Incident(incidentId);
        await Assertions.Expect(card.Locator(".affected")).ToContainTextAsync("Northwind Retail");
        await Assertions.Expect(card.Locator(".affected")).ToContainTextAsync("Contoso Travel");
        await Assertions.Expect(card.Locator(".running-cost")).ToContainTextAsync("€");
        await Assertions.Expect(card.Locator(".running-cost")).ToContainTextAsync("US$");

        await ops.Planner.GetByLabel("Storefront").CheckAsync();
        await ops.Planner.GetByLabel("Title").FillAsync("Storefront cache upgrade");
        await ops.Planner.GetByRole(AriaRole.Button, new() { Name = "Suggest windows" }).ClickAsync();
        await Assertions.Expect(ops.Page.Locator("#suggestion-list > li")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(ops.Page.Locator("#suggestion-list > li").First).ToContainTextAsync("Contoso Travel");

        await Screenshots.SaveAsync(ops.Page, "ops-console.png");
        PageProblems.AssertNone(ops.Page);
    }
}
