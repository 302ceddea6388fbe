using Microsoft.Playwright;
using UptimeCoordinator.Web.Tests.Infrastructure;

namespace UptimeCoordinator.Web.Tests.StatusPage;

/// <summary>
/// A client of its own for one status-page test: fresh services, the client (in Asia/Tokyo, so its
/// local times differ from the browser's UTC) subscribed to them, and a signed-in page.
/// </summary>
internal sealed record StatusPageScene(string ClientId, string Name, string[] ServiceIds, IBrowserContext Context, IPage Page)
{
    /// <summary>Tokyo has no daylight saving: its offset is the same on every date a test picks.</summary>
    public const string TimeZone = "Asia/Tokyo";

    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static async Task<StatusPageScene> OpenAsync(
        WebFixture web, int services = 1, decimal? costPerHour = null, BrowserNewContextOptions? browser = null, string[]? serviceNames = null,
        Func<string[], Task>? beforeOpening = null)
    {
        var clientId = web.NewClientId();
        var ids = new string[services];
        for (var i = 0; i < services; i++)
        {
            ids[i] = await web.Api.CreateServiceAsync(name: serviceNames?[i]);
        }

        var name = $"Client {clientId}";
        await web.Api.PutClientAsync(clientId, ids, name: name, timeZone: TimeZone, costPerHour: costPerHour);
        if (beforeOpening is not null)
        {
            await beforeOpening(ids);
        }

        browser ??= new BrowserNewContextOptions();
        browser.TimezoneId ??= "UTC";
        var context = await web.NewContextAsync(browser);
        var page = await web.SignInAsClientAsync(context, clientId);

        // The page has loaded once it shows the client's name; from then on it only changes live.
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#client-name")).ToHaveTextAsync(name);
        return new StatusPageScene(clientId, name, ids, context, page);
    }

    /// <summary>Marks the window so that a reload, which would drop the mark, can be told apart from a live change.</summary>
    public Task MarkWindowAsync() => Page.EvaluateAsync("() => { window.__noReload = 1; }");

    public async Task<bool> StillSameWindowAsync() => await Page.EvaluateAsync<int?>("() => window.__noReload") == 1;

    /// <summary>The card of incident <paramref name="incidentId"/> in the open-incidents section.</summary>
    public ILocator Incident(string incidentId) => Page.Locator($"#incident-list article.incident[data-incident-id=\"{incidentId}\"]");

    /// <summary>How a time shows in the client's zone, hours and minutes, e.g. "10:17".</summary>
    public static string ClientClock(DateTimeOffset instant) =>
        instant.ToOffset(Offset).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
