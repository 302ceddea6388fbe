using Microsoft.Playwright;
using System.Globalization;
using UptimeCoordinator.Web.Tests.Infrastructure;

namespace UptimeCoordinator.Web.Tests.OpsConsole;

[Collection(WebCollection.Name)]
public sealed class OpenIncidentOrderTests(WebFixture web)
{
    [SkippableFact]
    public async Task OpenIncidentsAreListedByRunningCostNotByAgeAndTheCostTicks()
    {
        var cheap = await web.Api.CreateServiceAsync(name: "Intranet wiki");
        var costly = await web.Api.CreateServiceAsync(name: "Payments gateway");
        await web.Api.PutClientAsync(web.NewClientId(), [cheap], name: "Small Co", costPerHour: 60);
        await web.Api.PutClientAsync(web.NewClientId(), [costly], name: "Big Bank", costPerHour: 36_000);

        // The cheap one is older, so an order by age or by id would put it first.
        var now = DateTimeOffset.UtcNow;
        var cheapIncident = await web.Api.OpenIncidentAsync(cheap, now.AddMinutes(-20));
        var costlyIncident = await web.Api.OpenIncidentAsync(costly, now.AddMinutes(-10));

        var ops = await OpsConsolePage.OpenAsync(await web.NewContextAsync());
        await Assertions.Expect(ops.Incident(cheapIncident)).ToBeVisibleAsync();
        await Assertions.Expect(ops.Incident(costlyIncident)).ToBeVisibleAsync();

        var order = await ops.IncidentOrderAsync();
        Assert.True(order.IndexOf(costlyIncident) < order.IndexOf(cheapIncident), $"expected {costlyIncident} before {cheapIncident}: {string.Join(", ", order)}");
        var costlyCost = decimal.Parse(await ops.Incident(costlyIncident).GetAttributeAsync("data-running-cost") ?? "0", CultureInfo.InvariantCulture);
        var cheapCost = decimal.Parse(await ops.Incident(cheapIncident).GetAttributeAsync("data-running-cost") ?? "0", CultureInfo.InvariantCulture);
        Assert.True(costlyCost > cheapCost, $"{costlyCost} should exceed {cheapCost}");
        await Assertions.Expect(ops.Incident(costlyIncident).Locator(".affected")).ToContainTextAsync("Big Bank");

        // 36,000 an hour is 10 a second: the figure moves between fetches, on the page's own clock.
        var runningCost = ops.Incident(costlyIncident).Locator(".running-cost");
        var first = await runningCost.TextContentAsync();
        Assert.Contains("€", first, StringComparison.Ordinal);
        await Assertions.Expect(runningCost).Not.ToHaveTextAsync(first!);

        PageProblems.AssertNone(ops.Page);
    }
}
