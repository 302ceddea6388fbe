using System.Globalization;
using UptimeCoordinator.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace UptimeCoordinator.Web.Tests.StatusPage;

/// <summary>What a client waits for while an outage runs: the ETA as ops move it, and what the outage costs it so far.</summary>
[Collection(WebCollection.Name)]
public sealed class EtaAndCostTests(WebFixture web)
{
    [SkippableFact]
    public async Task EtaChangesLiveWhenOpsPostAnUpdateWithANewEta()
    {
        var scene = await StatusPageScene.OpenAsync(web);
        var incidentId = await web.Api.OpenIncidentAsync(scene.ServiceIds[0], DateTimeOffset.UtcNow.AddMinutes(-5));
        var firstEta = WholeMinute(DateTimeOffset.UtcNow.AddMinutes(25));
        await web.Api.AcknowledgeAsync(incidentId, firstEta, "We are on it.");
        var eta = scene.Incident(incidentId).Locator(".eta");
        await Expect(eta).ToContainTextAsync(StatusPageScene.ClientClock(firstEta));
        await Expect(eta).ToContainTextAsync("in 2");
        await scene.MarkWindowAsync();

        var laterEta = WholeMinute(DateTimeOffset.UtcNow.AddMinutes(95));
        await web.Api.PostUpdateAsync(incidentId, "The database failover takes longer than planned.", "identified", laterEta);

        await Expect(eta).ToContainTextAsync(StatusPageScene.ClientClock(laterEta));
        await Expect(eta).ToContainTextAsync("in 1 h 3");
        await Expect(eta).Not.ToContainTextAsync(StatusPageScene.ClientClock(firstEta));
        var card = scene.Incident(incidentId);
        await Expect(card.Locator(".stage")).ToHaveTextAsync("Identified");

        // The newest public update leads the timeline.
        await Expect(card.Locator(".timeline li").First).ToContainTextAsync("The database failover takes longer than planned.");
        await Expect(scene.Page.Locator("#announce")).ToContainTextAsync("ETA now");
        Assert.True(await scene.StillSameWindowAsync(), "the page reloaded instead of changing live");
        PageProblems.AssertNone(scene.Page);
    }

    [SkippableFact]
    public async Task RunningCostForThisClientGrowsWhileThePageIsOpen()
    {
        // 36,000 EUR an hour of full outage, every hour of the week: 10 EUR a second.
        var scene = await StatusPageScene.OpenAsync(web, costPerHour: 36_000m);
        var incidentId = await web.Api.OpenIncidentAsync(scene.ServiceIds[0], DateTimeOffset.UtcNow.AddMinutes(-2));
        var cost = scene.Incident(incidentId).Locator(".cost-now");
        await Expect(cost).ToBeVisibleAsync();
        await Expect(scene.Incident(incidentId)).ToContainTextAsync("per hour");
        await scene.MarkWindowAsync();
        var first = await AmountAsync(cost);
        var firstText = await cost.TextContentAsync();

        // Two minutes down at 10 EUR a second is about 1,200 EUR; then it keeps growing on the page alone.
        Assert.InRange(first, 1_000m, 3_000m);
        await UptimeCoordinator.Host.Tests.Infrastructure.Eventually.HoldsAsync(
            async () => await AmountAsync(cost) >= first + 20m, "the cost shown grew by 2 s worth");
        Assert.NotEqual(firstText, await cost.TextContentAsync());
        Assert.Contains("€", await cost.TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await scene.StillSameWindowAsync(), "the page reloaded instead of ticking");
        PageProblems.AssertNone(scene.Page);
    }

    private static async Task<decimal> AmountAsync(Microsoft.Playwright.ILocator cost) =>
        decimal.Parse(await cost.GetAttributeAsync("data-amount") ?? "0", CultureInfo.InvariantCulture);

    private static DateTimeOffset WholeMinute(DateTimeOffset t) => new(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, TimeSpan.Zero);
}
