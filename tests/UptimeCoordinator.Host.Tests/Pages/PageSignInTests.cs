using System.Net;
using UptimeCoordinator.Host.Tests.Http;
using static UptimeCoordinator.Host.Tests.Pages.PageBrowser;

namespace UptimeCoordinator.Host.Tests.Pages;

/// <summary>
/// Signing in to the pages: the key in the link becomes an HttpOnly, SameSite=Strict cookie and leaves
/// the address bar by a redirect; any other key, or none, meets the same plain "not found".
/// </summary>
public sealed class PageSignInTests(CoordinatorFixture fixture) : IClassFixture<CoordinatorFixture>
{
    private CoordinatorApp App => fixture.App;

    [Fact]
    public async Task TheClientsOwnKeySetsAStrictHttpOnlyCookieAndRedirectsToThePageWithoutTheKey()
    {
        using var browser = Bare(App);

        using var response = await browser.GetAsync(StatusPage("acme", ApiKeys.Client));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/status/acme", response.Headers.Location?.OriginalString);
        Assert.True(response.Headers.CacheControl?.NoStore, "the redirect that carried a key must not be cached");
        var cookie = SetCookie(response, ClientCookie);
        AssertStrictHttpOnly(cookie);
        Assert.DoesNotContain(ApiKeys.Client, cookie, StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var all) && all.Any(c => c.StartsWith(OpsCookie + "=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TheOpsKeySetsTheOpsCookieAndRedirectsToTheConsole()
    {
        using var browser = Bare(App);

        using var response = await browser.GetAsync(OpsPage(ApiKeys.Ops));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/ops", response.Headers.Location?.OriginalString);
        AssertStrictHttpOnly(SetCookie(response, OpsCookie));
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var all) && all.Any(c => c.StartsWith(ClientCookie + "=", StringComparison.Ordinal)));
    }

    public static TheoryData<string, string> WrongLinks => new()
    {
        { "a wrong key", StatusPage("acme", ApiKeys.Unknown) },
        { "another client's page", StatusPage("globex", ApiKeys.Client) },
        { "the ops key on a client's page", StatusPage("acme", ApiKeys.Ops) },
        { "the monitor key on a client's page", StatusPage("acme", ApiKeys.Monitor) },
        { "a client's key on the console", OpsPage(ApiKeys.Client) },
        { "the monitor key on the console", OpsPage(ApiKeys.Monitor) },
        { "a wrong key on the console", OpsPage(ApiKeys.Unknown) },
        { "an empty key", StatusPage("acme", "") },
        { "an invalid client id", StatusPage("ACME..", ApiKeys.Client) },
        { "a client's page without a key or cookie", StatusPage("acme") },
        { "the console without a key or cookie", OpsPage() },
    };

    [Theory]
    [MemberData(nameof(WrongLinks))]
    public async Task AnythingButTheRightKeyIsAPlainNotFoundThatSetsNoCookie(string why, string link)
    {
        using var browser = Bare(App);

        using var response = await browser.GetAsync(link);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{why}: {(int)response.StatusCode} {body}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Not found", body, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"), $"{why} set a cookie");
        Assert.DoesNotContain(ApiKeys.Client, body, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKeys.Ops, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNotFoundPageIsTheSameForAWrongKeyAPageNotYoursAndNoKey()
    {
        using var browser = Bare(App);

        var bodies = new List<string>();
        foreach (var link in new[] { StatusPage("acme", ApiKeys.Unknown), StatusPage("globex", ApiKeys.Client), StatusPage("acme") })
        {
            using var response = await browser.GetAsync(link);
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.Single(bodies.Distinct());
    }

    [Fact]
    public async Task TheCookieOpensOnlyItsOwnClientsPage()
    {
        using var browser = Open(App);
        await SignInAsync(browser, StatusPage("acme", ApiKeys.Client));

        using var other = await browser.GetAsync(StatusPage("globex"));
        using var console = await browser.GetAsync(OpsPage());

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, console.StatusCode);
        if (ShellExists("status.html"))
        {
            using var own = await browser.GetAsync(StatusPage("acme"));
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            Assert.Equal("text/html", own.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task TheOpsCookieOpensTheConsoleButNoClientsPage()
    {
        using var browser = Open(App);
        await SignInAsync(browser, OpsPage(ApiKeys.Ops));

        using var page = await browser.GetAsync(StatusPage("acme"));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        if (ShellExists("ops.html"))
        {
            using var console = await browser.GetAsync(OpsPage());
            Assert.Equal(HttpStatusCode.OK, console.StatusCode);
            Assert.Equal("text/html", console.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task AForgedCookieOpensNothing()
    {
        using var browser = Bare(App);

        using var page = await GetWithCookieAsync(browser, StatusPage("acme"), $"{ClientCookie}=forged");
        using var console = await GetWithCookieAsync(browser, OpsPage(), $"{OpsCookie}=forged");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, console.StatusCode);
    }

    /// <summary>Whether another engineer's page shell is there yet; the sign-in does not depend on it.</summary>
    private static bool ShellExists(string file) => File.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot", "pages", file));

    private static void AssertStrictHttpOnly(string setCookie)
    {
        var attributes = setCookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
        Assert.Contains("path=/", attributes);
        Assert.False(string.IsNullOrEmpty(CookiePair(setCookie).Split('=', 2)[1]), $"an empty cookie: {setCookie}");
    }
}
