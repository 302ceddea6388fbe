using System.Net;
using UptimeCoordinator.Host.Tests.Http;
using static UptimeCoordinator.Host.Tests.Pages.PageBrowser;

namespace UptimeCoordinator.Host.Tests.Pages;

/// <summary>
/// The API with a page's cookie and no key: it carries the cookie's role, no more; a key, when sent,
/// decides instead; and a change asked for with only a cookie must come with the page's own header.
/// </summary>
public sealed class PageCookieApiTests(CoordinatorFixture fixture) : IClassFixture<CoordinatorFixture>
{
    private CoordinatorApp App => fixture.App;

    private CoordinatorClient Api => fixture.Api;

    [Fact]
    public async Task TheClientCookieReadsItsOwnClientAndNothingElse()
    {
        await DefineClientAsync("acme");
        var other = await DefineClientAsync(TestIds.Unique("client"));
        using var browser = Open(App);
        await SignInAsync(browser, StatusPage("acme", ApiKeys.Client));

        using var own = await browser.GetAsync("/api/v1/clients/acme/status");
        using var foreign = await browser.GetAsync($"/api/v1/clients/{other}/status");
        using var opsOnly = await browser.GetAsync("/api/v1/clients");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("acme", (await own.ReadJsonAsync()).Str("clientId"));
        await Problem.AssertAsync(foreign, HttpStatusCode.NotFound);
        await Problem.AssertAsync(opsOnly, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TheOpsCookieCarriesTheOpsRole()
    {
        var client = await DefineClientAsync(TestIds.Unique("client"));
        using var browser = Open(App);
        await SignInAsync(browser, OpsPage(ApiKeys.Ops));

        using var clients = await browser.GetAsync("/api/v1/clients?limit=200");
        using var status = await browser.GetAsync($"/api/v1/clients/{client}/status");

        Assert.Equal(HttpStatusCode.OK, clients.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
    }

    [Fact]
    public async Task BothCookiesInOneBrowserCarryBothRoles()
    {
        await DefineClientAsync("acme");
        using var browser = Open(App);
        await SignInAsync(browser, StatusPage("acme", ApiKeys.Client));
        await SignInAsync(browser, OpsPage(ApiKeys.Ops));

        using var clients = await browser.GetAsync("/api/v1/clients?limit=200");
        using var own = await browser.GetAsync("/api/v1/clients/acme/status");

        Assert.Equal(HttpStatusCode.OK, clients.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task WithoutKeyOrCookieOrWithAForgedCookieTheApiAnswersUnauthorized()
    {
        using var browser = Bare(App);

        using var none = await browser.GetAsync("/api/v1/services");
        using var forged = await GetWithCookieAsync(browser, "/api/v1/services", $"{OpsCookie}=forged");

        await Problem.AssertAsync(none, HttpStatusCode.Unauthorized);
        await Problem.AssertAsync(forged, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AKeySentWithACookieDecidesTheRole()
    {
        using var browser = Open(App);
        await SignInAsync(browser, OpsPage(ApiKeys.Ops));

        using var asMonitor = new HttpRequestMessage(HttpMethod.Get, "/api/v1/clients");
        asMonitor.Headers.Add("X-Api-Key", ApiKeys.Monitor);
        using var monitor = await browser.SendAsync(asMonitor);
        using var badKey = new HttpRequestMessage(HttpMethod.Get, "/api/v1/clients");
        badKey.Headers.Authorization = new("Bearer", ApiKeys.Unknown);
        using var unknown = await browser.SendAsync(badKey);

        await Problem.AssertAsync(monitor, HttpStatusCode.Forbidden);
        await Problem.AssertAsync(unknown, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("POST")]
    [InlineData("DELETE")]
    public async Task AChangeWithOnlyACookieAndNoPageHeaderIsForbiddenAndChangesNothing(string method)
    {
        var service = TestIds.Unique();
        await Api.CreateServiceAsync(service);
        using var browser = Open(App);
        await SignInAsync(browser, OpsPage(ApiKeys.Ops));

        using var request = ChangeOf(method, service);
        using var response = await browser.SendAsync(request);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("X-Uptime-Page", problem.Str("detail"), StringComparison.Ordinal);
        var after = await Api.GetServiceAsync(service);
        Assert.Equal($"Service {service}", after.Str("name"));
        Assert.Equal("operational", after.Str("status"));
    }

    [Fact]
    public async Task AChangeWithTheCookieAndThePageHeaderGoesThrough()
    {
        var service = TestIds.Unique();
        using var browser = Open(App);
        await SignInAsync(browser, OpsPage(ApiKeys.Ops));

        using var request = new HttpRequestMessage(HttpMethod.Put, CoordinatorClient.ServicePath(service)) { Content = Json.Content(new { name = "From the console" }) };
        request.Headers.Add("X-Uptime-Page", "1");
        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("From the console", (await Api.GetServiceAsync(service)).Str("name"));
    }

    [Fact]
    public async Task AChangeWithAKeyNeedsNoPageHeaderEvenWithACookie()
    {
        var service = TestIds.Unique();
        using var browser = Open(App);
        await SignInAsync(browser, StatusPage("acme", ApiKeys.Client));

        using var request = new HttpRequestMessage(HttpMethod.Put, CoordinatorClient.ServicePath(service)) { Content = Json.Content(new { name = "By key" }) };
        request.Headers.Authorization = new("Bearer", ApiKeys.Ops);
        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task AClientCookieChangeTheClientMayAskForStillNeedsThePageHeader()
    {
        using var browser = Open(App);
        await SignInAsync(browser, StatusPage("acme", ApiKeys.Client));

        // Feedback is a change a client's role may ask for, so only the guard stands in the way.
        using var response = await browser.PostAsync(
            $"{CoordinatorClient.IncidentPath("no-such-incident")}/feedback", Json.Content(new { clientId = "acme", fixedConfirmed = true }));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("X-Uptime-Page", problem.Str("detail"), StringComparison.Ordinal);
    }

    private static HttpRequestMessage ChangeOf(string method, string service) => method switch
    {
        "PUT" => new(HttpMethod.Put, CoordinatorClient.ServicePath(service)) { Content = Json.Content(new { name = "Forged" }) },
        "POST" => new(HttpMethod.Post, "/api/v1/events") { Content = Json.Content(EventBody.Down(service, TestTime.MinutesAgo(1))) },
        _ => new(HttpMethod.Delete, CoordinatorClient.ServicePath(service)),
    };

    private async Task<string> DefineClientAsync(string id)
    {
        using var response = await Api.Ops.PutAsync($"/api/v1/clients/{id}", Json.Content(new { name = $"Client {id}", timeZone = "UTC" }));
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"PUT client {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return id;
    }
}
