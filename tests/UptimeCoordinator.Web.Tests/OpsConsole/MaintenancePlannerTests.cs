using Microsoft.Playwright;
using UptimeCoordinator.Web.Tests.Infrastructure;

namespace UptimeCoordinator.Web.Tests.OpsConsole;

[Collection(WebCollection.Name)]
public sealed class MaintenancePlannerTests(WebFixture web)
{
    [SkippableFact]
    public async Task SchedulingTheTopSuggestionCreatesAWindowWithItsStartAndEnd()
    {
        var serviceId = await web.Api.CreateServiceAsync(name: "Search cluster planner");
        await web.Api.PutClientAsync(web.NewClientId(), [serviceId], name: "Planner GmbH", costPerHour: 900);

        var ops = await OpsConsolePage.OpenAsync(await web.NewContextAsync());
        await ops.Planner.GetByLabel("Search cluster planner").CheckAsync();
        await ops.Planner.GetByLabel("Duration").SelectOptionAsync(new SelectOptionValue { Label = "2 hours" });
        await ops.Planner.GetByLabel("Title").FillAsync("Search cluster upgrade");
        await ops.Planner.GetByLabel("Description").FillAsync("Rolling upgrade to the next major version.");
        await ops.Planner.GetByRole(AriaRole.Button, new() { Name = "Suggest windows" }).ClickAsync();

        var top = ops.Page.Locator("#suggestion-list > li").First;
        await Assertions.Expect(top).ToHaveAttributeAsync("data-rank", "1");
        await Assertions.Expect(top).ToContainTextAsync("Planner GmbH");
        var start = DateTimeOffset.Parse(await top.GetAttributeAsync("data-start") ?? "", System.Globalization.CultureInfo.InvariantCulture);
        var end = DateTimeOffset.Parse(await top.GetAttributeAsync("data-end") ?? "", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromHours(2), end - start);

        await top.GetByRole(AriaRole.Button, new() { Name = "Schedule this window" }).ClickAsync();
        var scheduled = ops.Page.Locator("#planner-scheduled [data-window-id]");
        await Assertions.Expect(scheduled).ToBeVisibleAsync();
        var windowId = await scheduled.GetAttributeAsync("data-window-id");

        var windows = (await web.Api.GetAsOpsAsync($"/api/v1/maintenance?state=active&serviceId={serviceId}")).Items();
        var window = Assert.Single(windows);
        Assert.Equal(windowId, window.Str("id"));
        Assert.Equal(start, window.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(end, window.GetProperty("end").GetDateTimeOffset());
        Assert.Equal("Search cluster upgrade", window.Str("title"));
        Assert.Equal(OpsConsolePage.Operator, window.Str("createdBy"));
        await Assertions.Expect(ops.Page.Locator($"#maintenance-list article[data-window-id='{windowId}']")).ToContainTextAsync("Search cluster upgrade");

        PageProblems.AssertNone(ops.Page);
    }
}
