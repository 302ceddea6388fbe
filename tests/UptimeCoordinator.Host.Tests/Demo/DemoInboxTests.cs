using System.Globalization;
using System.Net;
using System.Text.Json;
using UptimeCoordinator.Delivery.Webhooks;
using UptimeCoordinator.Host.Demo;
using UptimeCoordinator.Host.Tests.Http;

namespace UptimeCoordinator.Host.Tests.Demo;

/// <summary>The demo inbox keeps only webhooks signed with the contact's secret, and shows them.</summary>
public sealed class DemoInboxTests : IAsyncLifetime
{
    private const string Body = """{"type":"incident.detected","timestamp":"2026-12-01T16:14:41+00:00","data":{"title":"Checkout: major outage","subject":"Outage: Checkout is down for Acme Corp"}}""";

    private readonly CoordinatorApp _app = new(settings: DemoSettings.Quiet());
    private CoordinatorClient _api = null!;

    public async Task InitializeAsync()
    {
        _api = new CoordinatorClient(_app);
        await _app.WaitUntilSeededAsync();
    }

    [Fact]
    public async Task WebhookSignedWithTheContactsSecretIsStoredWithItsNotice()
    {
        var secret = DemoCatalog.FindContact("acme", "ops-bot")!.WebhookSecret;

        using var response = await PostAsync("acme", "ops-bot", "notice-good", Now(), Body, secret);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var entry = Assert.Single(await EntriesAsync());
        Assert.Equal(("acme", "ops-bot", "notice-good"), (entry.Str("clientId"), entry.Str("contactId"), entry.Str("webhookId")));
        Assert.Equal(("incident.detected", "Checkout: major outage", "Outage: Checkout is down for Acme Corp"), (entry.Str("kind"), entry.Str("title"), entry.Str("summary")));
        Assert.Equal(Body, entry.Str("body"));
    }

    [Fact]
    public async Task WebhookSignedWithAnotherSecretIsRefusedAndNotStored()
    {
        var otherContactsSecret = DemoCatalog.FindContact("globex", "ops-bot")!.WebhookSecret;

        using var response = await PostAsync("acme", "ops-bot", "notice-forged", Now(), Body, otherContactsSecret);

        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
        Assert.Empty(await EntriesAsync());
    }

    [Fact]
    public async Task WebhookWhoseBodyWasChangedAfterSigningIsRefused()
    {
        var secret = DemoCatalog.FindContact("acme", "ops-bot")!.WebhookSecret;
        var timestamp = Now();
        using var request = Request("acme", "ops-bot", "notice-tampered", timestamp, Body.Replace("major outage", "all fine", StringComparison.Ordinal));
        request.Headers.Add("webhook-signature", StandardWebhookSignature.Sign("notice-tampered", timestamp, Body, secret));

        using var response = await _api.Anonymous.SendAsync(request);

        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
        Assert.Empty(await EntriesAsync());
    }

    [Fact]
    public async Task WebhookWithAnOldTimestampIsRefused()
    {
        var secret = DemoCatalog.FindContact("acme", "ops-bot")!.WebhookSecret;

        using var response = await PostAsync("acme", "ops-bot", "notice-replayed", Now() - 3600, Body, secret);

        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
        Assert.Empty(await EntriesAsync());
    }

    [Fact]
    public async Task WebhookForAContactDemoModeDidNotSeedIsNotFound()
    {
        using var response = await PostAsync("acme", "nobody", "notice-x", Now(), Body, "whatever-secret");

        await Problem.AssertAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task InboxPageLinksTheDemoPagesAndLoadsItsScriptUnderThePagePolicy()
    {
        using var page = await _api.Anonymous.GetAsync("/demo/inbox");
        using var script = await _api.Anonymous.GetAsync("/pages/demo-inbox.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var html = await page.Content.ReadAsStringAsync();
        foreach (var link in new[]
                 {
                     "/ops?key=demo-ops-key", "/status/acme?key=demo-client-acme-key",
                     "/status/globex?key=demo-client-globex-key", "/status/initech?key=demo-client-initech-key",
                     "src=\"/pages/demo-inbox.js\"",
                 })
        {
            Assert.Contains(link, html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("/demo/inbox.json", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _app.DisposeAsync();
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private async Task<HttpResponseMessage> PostAsync(string clientId, string contactId, string id, long timestamp, string body, string secret)
    {
        using var request = Request(clientId, contactId, id, timestamp, body);
        request.Headers.Add("webhook-signature", StandardWebhookSignature.Sign(id, timestamp, body, secret));
        return await _api.Anonymous.SendAsync(request);
    }

    private static HttpRequestMessage Request(string clientId, string contactId, string id, long timestamp, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/demo/inbox/{clientId}/{contactId}") { Content = Json.Raw(body) };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        return request;
    }

    private async Task<List<JsonElement>> EntriesAsync()
    {
        using var response = await _api.Anonymous.GetAsync("/demo/inbox.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray()];
    }
}
