using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using UptimeCoordinator.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace UptimeCoordinator.Web.Tests.StatusPage;

/// <summary>
/// The page with everything on it (an open incident with updates and a cost, maintenance, a past outage
/// in the history) fits a phone, and axe finds nothing serious on it. With <c>UC_SCREENSHOTS=1</c> these
/// tests also write docs/screenshots/status-page.png and status-page-phone.png.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class LayoutAndAccessibilityTests(WebFixture web)
{
    [SkippableFact]
    public async Task OnAPhoneThePageHasNoHorizontalScrollAndNoSeriousAxeViolations()
    {
        var scene = await OpenBusyPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        var page = scene.Page;

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"the page scrolls sideways on a phone: {widths[0]} px wide in a {widths[1]} px viewport");
        await AssertNoSeriousAxeViolationsAsync(page);
        await Screenshots.SaveAsync(page, "status-page-phone.png");
        PageProblems.AssertNone(page);
    }

    [SkippableFact]
    public async Task OnADesktopAxeFindsNoSeriousViolationsAndEveryControlIsReachableByKeyboard()
    {
        var scene = await OpenBusyPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = scene.Page;

        await AssertNoSeriousAxeViolationsAsync(page);

        // The 40-minute outage three days ago is one red bar with words for it, among 90.
        var exports = page.Locator($"#uptime-list .uptime-row[data-service-id=\"{scene.ServiceIds[2]}\"]");
        await Expect(exports.Locator(".bar")).ToHaveCountAsync(90);
        var red = exports.Locator(".bar.day-major_outage");
        await Expect(red).ToHaveCountAsync(1);
        Assert.Matches(@"^\d{1,2} \w{3,4}: 9\d(\.\d)?% up, 40 min down$", await red.GetAttributeAsync("aria-label"));
        await Expect(exports).ToContainTextAsync("over 90 days");

        // Tabbing from the top reaches the sign-out button, the calendar link and the report form, in page order.
        var reached = new List<string>();
        for (var i = 0; i < 60 && !reached.Contains("report-submit"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await page.EvaluateAsync<string>(
                "() => { const a = document.activeElement; return a.id || a.className || a.textContent.trim(); }"));
        }

        var signOut = reached.FindIndex(r => r.Contains("secondary", StringComparison.Ordinal));
        var calendar = reached.IndexOf("calendar");
        var title = reached.IndexOf("report-title");
        Assert.True(signOut >= 0 && calendar > signOut && title > calendar && reached.Contains("report-submit"),
            "tab order: " + string.Join(" → ", reached));
        await Screenshots.SaveAsync(page, "status-page.png");
        PageProblems.AssertNone(page);
    }

    private async Task<StatusPageScene> OpenBusyPageAsync(BrowserNewContextOptions browser)
    {
        string? incidentId = null;
        var scene = await StatusPageScene.OpenAsync(web, services: 3, costPerHour: 1_800m, browser: browser,
            serviceNames: ["Checkout API", "Customer login", "Nightly exports"],
            beforeOpening: async ids =>
            {
                // A 40-minute outage at noon in Tokyo three days ago, so that the history has one red day. Placed
                // at "now" three days back, it spanned the client's midnight (two red days) on a run at 14:33 UTC.
                var tokyoToday = (DateTimeOffset.UtcNow + StatusPageScene.Offset).Date;
                var earlier = new DateTimeOffset(tokyoToday.AddDays(-3).AddHours(12), StatusPageScene.Offset);
                await web.Api.DownAsync(ids[2], earlier);
                await web.Api.UpAsync(ids[2], earlier.AddMinutes(40));

                incidentId = await web.Api.OpenIncidentAsync(ids[0], DateTimeOffset.UtcNow.AddMinutes(-18), "HTTP 503 from the payment gateway");
                await web.Api.AcknowledgeAsync(incidentId, DateTimeOffset.UtcNow.AddMinutes(25), "We are on it.");
                await web.Api.PostUpdateAsync(incidentId, "The payment gateway's provider confirms an outage; we are failing over.", "identified");
                var start = DateTimeOffset.UtcNow.UtcDateTime.Date.AddDays(2).AddHours(1);
                await web.Api.ScheduleMaintenanceAsync([ids[1]], start, start.AddHours(1), "Login service upgrade", "Sign-ins pause for up to 10 minutes.");
            });
        await Expect(scene.Incident(incidentId!)).ToBeVisibleAsync();
        await Expect(scene.Page.Locator("#maintenance-list article")).ToHaveCountAsync(1);
        await Expect(scene.Page.Locator("#uptime-list .uptime-row")).ToHaveCountAsync(3);
        return scene;
    }

    private static async Task AssertNoSeriousAxeViolationsAsync(IPage page)
    {
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, "axe: " + string.Join("; ", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }
}
