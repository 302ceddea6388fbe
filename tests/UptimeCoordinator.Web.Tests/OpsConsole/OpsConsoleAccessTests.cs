using Microsoft.Playwright;
using UptimeCoordinator.Web.Tests.Infrastructure;

namespace UptimeCoordinator.Web.Tests.OpsConsole;

[Collection(WebCollection.Name)]
public sealed class OpsConsoleAccessTests(WebFixture web)
{
    [SkippableTheory]
    [InlineData(WebKeys.Acme)]
    [InlineData(WebKeys.Unknown)]
    public async Task OpsConsoleWithAKeyThatIsNotOpsIsNotFound(string key)
    {
        var page = await (await web.NewContextAsync()).NewPageAsync();
        var response = await page.GotoAsync($"/ops?key={Uri.EscapeDataString(key)}");

        Assert.Equal(404, response?.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not found");

        // Nor did the refused key leave a cookie that opens the console afterwards.
        var again = await page.GotoAsync("/ops");
        Assert.Equal(404, again?.Status);
    }

    [SkippableFact]
    public async Task OnAPhoneTheConsoleDoesNotScrollSideways()
    {
        var serviceId = await web.Api.CreateServiceAsync(name: "Mobile backend with a rather long service name");
        await web.Api.PutClientAsync(web.NewClientId(), [serviceId], name: "Phone Users Incorporated", costPerHour: 1200);
        var incidentId = await web.Api.OpenIncidentAsync(serviceId, DateTimeOffset.UtcNow.AddMinutes(-5));

        var ops = await OpsConsolePage.OpenAsync(await web.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true }));
        await Assertions.Expect(ops.Incident(incidentId)).ToBeVisibleAsync();
        await ops.OpenActionAsync(incidentId, "Resolve", "resolve");

        var widths = await ops.Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"the page is {widths[0]} px wide in a {widths[1]} px viewport");
        await Screenshots.SaveAsync(ops.Page, "ops-console-phone.png");
        PageProblems.AssertNone(ops.Page);
    }
}
