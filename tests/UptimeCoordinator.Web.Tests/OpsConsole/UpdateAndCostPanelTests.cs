using Microsoft.Playwright;
using UptimeCoordinator.Web.Tests.Infrastructure;

namespace UptimeCoordinator.Web.Tests.OpsConsole;

/// <summary>A responder's update posted from the console, and the month's downtime cost panel.</summary>
[Collection(WebCollection.Name)]
public sealed class UpdateAndCostPanelTests(WebFixture web)
{
    [SkippableFact]
    public async Task AnUpdatePostedFromTheConsoleMovesTheStageAndTheEtaAndTheCostPanelListsTheClientAndService()
    {
        var service = await web.Api.CreateServiceAsync(name: "Ledger service");
        var clientName = $"Ledger Bank {Guid.NewGuid():N}"[..20];
        await web.Api.PutClientAsync(web.NewClientId(), [service], name: clientName, costPerHour: 36_000);
        var incidentId = await web.Api.OpenIncidentAsync(service, DateTimeOffset.UtcNow.AddMinutes(-10));
        await web.Api.AcknowledgeAsync(incidentId, message: "On it.");

        var ops = await OpsConsolePage.OpenAsync(await web.NewContextAsync());
        var card = ops.Incident(incidentId);
        await Assertions.Expect(card).ToHaveAttributeAsync("data-stage", "acknowledged");

        var update = await ops.OpenActionAsync(incidentId, "Post update", "update");
        await update.GetByLabel("Update", new() { Exact = true }).FillAsync("The ledger's replica is catching up.");
        await update.GetByLabel("Stage").SelectOptionAsync("identified");
        await update.GetByLabel("New ETA in minutes").FillAsync("30");
        var before = DateTimeOffset.UtcNow;
        await update.GetByRole(AriaRole.Button, new() { Name = "Post update" }).ClickAsync();

        await Assertions.Expect(card).ToHaveAttributeAsync("data-stage", "identified");
        var updated = await web.Api.GetIncidentAsync(incidentId);
        var last = updated.GetProperty("timeline").EnumerateArray().Last(e => e.Str("kind") is "update" or "eta_changed");
        Assert.Equal("identified", updated.Str("stage"));
        Assert.InRange(updated.GetProperty("eta").GetDateTimeOffset(), before.AddMinutes(29), DateTimeOffset.UtcNow.AddMinutes(30));
        Assert.Contains(updated.GetProperty("timeline").EnumerateArray(), e => e.NullableStr("message") == "The ledger's replica is catching up.");
        Assert.Equal(OpsConsolePage.Operator, last.Str("source"));

        // The cost panel reads this month's figures over pages of clients: the client and the service it lost, with a bar each.
        var more = ops.Page.Locator("#costs-more");
        while (!await ops.Page.Locator("#costs-by-client").GetByText(clientName).IsVisibleAsync() && await more.IsVisibleAsync())
        {
            await more.ClickAsync();
            await ops.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        await Assertions.Expect(ops.Page.Locator("#costs-by-client")).ToContainTextAsync(clientName);
        await Assertions.Expect(ops.Page.Locator("#costs-by-service")).ToContainTextAsync("Ledger service");
        await Assertions.Expect(ops.Page.Locator("#costs-client-chart .chart-row").Filter(new() { HasText = clientName }).Locator("svg rect")).ToHaveCountAsync(1);
        PageProblems.AssertNone(ops.Page);
    }
}
