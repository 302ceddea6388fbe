using UptimeCoordinator.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace UptimeCoordinator.Web.Tests.StatusPage;

/// <summary>A client reports what it sees from the page's form; the coordinator takes it as a suspected incident.</summary>
[Collection(WebCollection.Name)]
public sealed class ReportProblemTests(WebFixture web)
{
    [SkippableFact]
    public async Task ReportingAProblemOpensASuspectedIncident()
    {
        var scene = await StatusPageScene.OpenAsync(web, services: 2, serviceNames: ["Search", "Exports"]);
        var page = scene.Page;
        var title = $"Exports hang {Guid.NewGuid():N}"[..24];

        await page.GetByLabel("Service", new() { Exact = true }).SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = "Exports" });
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("What do you see?").FillAsync("The CSV export spins forever.");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Report the problem" }).ClickAsync();

        var result = page.Locator("#report-result");
        await Expect(result).ToContainTextAsync("We opened incident");
        var incident = Assert.Single(await web.Api.OpenIncidentsAsync(), i => i.Str("title") == title);
        Assert.Equal("suspected", incident.Str("stage"));
        Assert.Equal([scene.ServiceIds[1]], incident.GetProperty("serviceIds").EnumerateArray().Select(s => s.GetString()));
        await Expect(result).ToContainTextAsync(incident.Str("id"));
        await Expect(result).ToContainTextAsync("Suspected");
        PageProblems.AssertNone(page);
    }

    [SkippableFact]
    public async Task ARefusedReportShowsWhyAndKeepsWhatWasTyped()
    {
        var scene = await StatusPageScene.OpenAsync(web);
        var page = scene.Page;

        await page.GetByLabel("What do you see?").FillAsync("Logins fail with 502.");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Report the problem" }).ClickAsync();

        var result = page.Locator("#report-result");
        await Expect(result).ToHaveClassAsync("error");
        await Expect(result).ToContainTextAsync("title");
        await Expect(page.GetByLabel("What do you see?")).ToHaveValueAsync("Logins fail with 502.");
        PageProblems.AssertNone(page, "status of 400");
    }
}
