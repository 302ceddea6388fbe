using System.Net;
using UptimeCoordinator.Host.Tests.Http;
using static UptimeCoordinator.Host.Tests.Pages.PageBrowser;

namespace UptimeCoordinator.Host.Tests.Pages;

/// <summary>Signing out of one page drops that page's cookie and leaves the other page signed in.</summary>
public sealed class PageSignOutTests(CoordinatorFixture fixture) : IClassFixture<CoordinatorFixture>
{
    private CoordinatorApp App => fixture.App;

    [Fact]
    public async Task SigningOutOfTheStatusPageEndsItsApiAccessButNotTheConsoles()
    {
        await DefineAcmeAsync();
        using var browser = Open(App);
        await SignInAsync(browser, StatusPage("acme", ApiKeys.Client));
        await SignInAsync(browser, OpsPage(ApiKeys.Ops));

        using var signOut = await browser.PostAsync("/status/acme/sign-out", null);

        Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);
        Assert.Equal("text/html", signOut.Content.Headers.ContentType?.MediaType);
        Assert.Contains("expires=thu, 01 jan 1970", SetCookie(signOut, ClientCookie).ToLowerInvariant(), StringComparison.Ordinal);
        using var page = await browser.GetAsync(StatusPage("acme"));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);

        // The console's cookie is the ops role, which reads acme too; the client's role alone is gone.
        using var clients = await browser.GetAsync("/api/v1/clients?limit=200");
        Assert.Equal(HttpStatusCode.OK, clients.StatusCode);
    }

    [Fact]
    public async Task SigningOutOfTheConsoleEndsItsApiAccessButNotTheStatusPages()
    {
        await DefineAcmeAsync();
        using var browser = Open(App);
        await SignInAsync(browser, StatusPage("acme", ApiKeys.Client));
        await SignInAsync(browser, OpsPage(ApiKeys.Ops));

        using var signOut = await browser.PostAsync("/ops/sign-out", null);

        Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);
        Assert.Contains("expires=thu, 01 jan 1970", SetCookie(signOut, OpsCookie).ToLowerInvariant(), StringComparison.Ordinal);
        using var clients = await browser.GetAsync("/api/v1/clients?limit=200");
        await Problem.AssertAsync(clients, HttpStatusCode.Forbidden);
        using var own = await browser.GetAsync("/api/v1/clients/acme/status");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task AfterSigningOutOfEverythingTheApiAnswersUnauthorized()
    {
        using var browser = Open(App);
        await SignInAsync(browser, OpsPage(ApiKeys.Ops));

        using var signOut = await browser.PostAsync("/ops/sign-out", null);
        using var services = await browser.GetAsync("/api/v1/services");

        Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);
        await Problem.AssertAsync(services, HttpStatusCode.Unauthorized);
    }

    private async Task DefineAcmeAsync()
    {
        using var response = await fixture.Api.Ops.PutAsync("/api/v1/clients/acme", Json.Content(new { name = "Acme", timeZone = "UTC" }));
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"PUT acme: {(int)response.StatusCode}");
    }
}
