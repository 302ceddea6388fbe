using System.Text.Json;
using UptimeCoordinator.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace UptimeCoordinator.Web.Tests.StatusPage;

/// <summary>Planned maintenance on a client's services, in the client's own time, with an invite to take away.</summary>
[Collection(WebCollection.Name)]
public sealed class MaintenanceTests(WebFixture web)
{
    [SkippableFact]
    public async Task UpcomingMaintenanceShowsInTheClientsLocalTimeWithAWorkingCalendarLink()
    {
        var scene = await StatusPageScene.OpenAsync(web, serviceNames: ["Payments"]);
        var day = DateTimeOffset.UtcNow.UtcDateTime.Date.AddDays(3);
        var start = new DateTimeOffset(day.AddHours(1).AddMinutes(17), TimeSpan.Zero);
        var title = $"Database upgrade {Guid.NewGuid():N}"[..28];
        var window = await web.Api.ScheduleMaintenanceAsync([scene.ServiceIds[0]], start, start.AddHours(2), title);
        var windowId = window.Str("id");

        var card = scene.Page.Locator($"#maintenance-list article[data-window-id=\"{windowId}\"]");
        await Expect(card).ToContainTextAsync(title);
        await Expect(card).ToContainTextAsync("Payments");

        // 01:17 UTC is 10:17 in Tokyo; the browser itself runs in UTC, so only the client's zone gives 10:17.
        var time = card.Locator(".window-time");
        await Expect(time).ToContainTextAsync("10:17");
        await Expect(time).ToContainTextAsync("12:17");
        await Expect(time).Not.ToContainTextAsync("01:17");
        await Expect(card).Not.ToContainTextAsync("In progress");

        var link = card.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Add to calendar" });
        Assert.Equal($"/api/v1/maintenance/{windowId}/calendar.ics", await link.GetAttributeAsync("href"));
        Assert.NotNull(await link.GetAttributeAsync("download"));
        var fetched = await scene.Page.EvaluateAsync<JsonElement>(
            "async href => { const r = await fetch(href); return { status: r.status, type: r.headers.get('content-type'), body: await r.text() }; }",
            await link.GetAttributeAsync("href"));
        Assert.Equal(200, fetched.GetProperty("status").GetInt32());
        Assert.StartsWith("text/calendar", fetched.GetProperty("type").GetString(), StringComparison.Ordinal);
        var body = fetched.GetProperty("body").GetString()!;
        Assert.Contains("BEGIN:VCALENDAR", body, StringComparison.Ordinal);
        Assert.Contains(title, body, StringComparison.Ordinal);
        PageProblems.AssertNone(scene.Page);
    }
}
