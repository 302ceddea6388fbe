using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UptimeCoordinator.Delivery.Tests.Support;
using UptimeCoordinator.Host.Tests.Http;
using UptimeCoordinator.Host.Tests.Infrastructure;

namespace UptimeCoordinator.Host.Tests.Demo;

/// <summary>
/// Demo mode on a real Kestrel port, with short timings: the simulated monitor breaks checkout, an
/// incident opens, the host's own webhook delivery reaches its demo inbox over HTTP with a valid
/// signature, and the service heals.
/// </summary>
public sealed class DemoEndToEndTests
{
    [Fact]
    public async Task MonitorBreaksCheckoutAndItsClientsWebhookArrivesSignedInTheInbox()
    {
        var port = FreePorts.Next();
        var logs = new RecordingLoggerProvider();
        await using var app = new CoordinatorApp(
            settings: new Dictionary<string, string>
            {
                ["Demo:Enabled"] = "true",
                ["Demo:BaseUrl"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
                ["Demo:FirstBreakAfter"] = "PT1S",
                ["Demo:OutageDuration"] = "PT5S",
                ["Demo:QuietDuration"] = "PT1H",
                ["Demo:ReportInterval"] = "PT1S",
                ["Logging:LogLevel:UptimeCoordinator.Host.Demo"] = "Information",
            },
            services: s => s.AddSingleton<ILoggerProvider>(logs));
        app.UseKestrel(port);
        app.StartServer();
        using var api = new CoordinatorClient(app);
        await app.WaitUntilSeededAsync();

        JsonElement? opened = null;
        await Eventually.HoldsAsync(async () => (opened = await IncidentOfCheckoutAsync(api, "open")) is not null,
            "the demo monitor breaks checkout and an incident opens");
        var incidentId = opened!.Value.Str("id");
        Assert.Equal(("detected", "critical"), (opened.Value.Str("stage"), opened.Value.Str("severity")));
        Assert.Equal("demo-monitor", opened.Value.GetProperty("timeline")[0].Str("source"));
        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Information && l.Text.StartsWith("Demo monitor: checkout is down (will heal at ", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Warning && l.Text.StartsWith("Demo mode is on", StringComparison.Ordinal) && l.Text.Contains($"http://127.0.0.1:{port}/demo/inbox", StringComparison.Ordinal));

        JsonElement? detected = null;
        await Eventually.HoldsAsync(async () =>
        {
            detected = (await InboxAsync(api)).FirstOrDefault(e =>
                e.Str("clientId") == "acme" && e.Str("contactId") == "ops-bot" && e.NullableStr("kind") == "incident.detected");
            return detected.Value.ValueKind == JsonValueKind.Object;
        }, "acme's ops-bot receives the incident.detected webhook");
        using (var body = JsonDocument.Parse(detected!.Value.Str("body")))
        {
            Assert.Equal(incidentId, body.RootElement.GetProperty("data").Str("incidentId"));
        }

        Assert.Equal("Checkout: major outage", detected.Value.Str("title"));

        await Eventually.HoldsAsync(async () => (await IncidentOfCheckoutAsync(api, "all"))?.Str("stage") == "resolved",
            "checkout heals and the incident resolves");
        var services = (await api.PagesAsync("/api/v1/services", 100)).SelectMany(p => p);
        Assert.Equal("operational", services.Single(s => s.Str("id") == "checkout").Str("status"));
    }

    // The incidents list, not GET of one incident or service: those add the running cost, which this test does not need.
    private static async Task<JsonElement?> IncidentOfCheckoutAsync(CoordinatorClient api, string state)
    {
        var incidents = (await api.PagesAsync($"/api/v1/incidents?state={state}", 100)).SelectMany(p => p);
        return incidents.Where(i => i.Strings("serviceIds").Contains("checkout")).Select(i => (JsonElement?)i).FirstOrDefault();
    }

    private static async Task<List<JsonElement>> InboxAsync(CoordinatorClient api)
    {
        using var response = await api.Anonymous.GetAsync("/demo/inbox.json");
        return [.. (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray()];
    }
}
