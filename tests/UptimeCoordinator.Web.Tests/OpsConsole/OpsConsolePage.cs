using Microsoft.Playwright;
using UptimeCoordinator.Web.Tests.Infrastructure;

namespace UptimeCoordinator.Web.Tests.OpsConsole;

/// <summary>
/// The ops console as a test drives it: signed in, loaded, with an operator's name, and the places
/// on it a test reads or fills, found by role and label as a person would.
/// </summary>
public sealed class OpsConsolePage(IPage page)
{
    public const string Operator = "Dana Ops";

    public IPage Page { get; } = page;

    /// <summary>Signs a fresh context in as ops, waits until every panel had its first load, and types the operator's name.</summary>
    public static async Task<OpsConsolePage> OpenAsync(IBrowserContext context)
    {
        var page = await WebFixture.OpenAsync(context, $"/ops?key={Uri.EscapeDataString(WebKeys.Ops)}");
        var console = new OpsConsolePage(page);
        await Assertions.Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".live[data-state=open]")).ToHaveCountAsync(1);
        await page.GetByLabel("Your name").FillAsync(Operator);
        return console;
    }

    /// <summary>The card of one open incident.</summary>
    public ILocator Incident(string incidentId) => Page.Locator($"#incident-list > article[data-incident-id='{incidentId}']");

    /// <summary>The ids of the open incidents in the order the console lists them.</summary>
    public async Task<List<string>> IncidentOrderAsync() =>
        [.. await Page.Locator("#incident-list > article").EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.incidentId)")];

    /// <summary>Opens one of an incident's inline forms by its button, as a keyboard user would, and returns the form.</summary>
    public async Task<ILocator> OpenActionAsync(string incidentId, string buttonName, string action)
    {
        var card = Incident(incidentId);
        var toggle = card.Locator(".action-bar").GetByRole(AriaRole.Button, new() { Name = buttonName, Exact = true });
        await toggle.FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        var form = card.Locator($"form[data-action='{action}']");
        await Assertions.Expect(form).ToBeVisibleAsync();
        return form;
    }

    public ILocator Planner => Page.Locator("#planner");

    public ILocator FailedNotice(string noticeId) => Page.Locator($"#failed-rows tr[data-notice-id='{noticeId}']");

    public ILocator LiveNotice(string noticeId) => Page.Locator($"#recent-rows tr[data-notice-id='{noticeId}']");
}
