using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using UptimeCoordinator.Host.Demo;
using UptimeCoordinator.Host.Tests.Http;

namespace UptimeCoordinator.Host.Tests.Demo;

/// <summary>Demo mode seeds a catalogue with dependencies and three clients, the same on every start.</summary>
public sealed class DemoSeedingTests
{
    private const string BaseUrl = "http://127.0.0.1:5999";

    [Fact]
    public async Task SeedingDefinesTheServicesWithTheirDependencies()
    {
        await using var app = new CoordinatorApp(settings: Settings());
        using var api = new CoordinatorClient(app);
        await app.WaitUntilSeededAsync();

        var services = (await api.PagesAsync("/api/v1/services", 100)).SelectMany(p => p).ToDictionary(s => s.Str("id"));

        Assert.Equal(["api", "checkout", "database", "email-gateway", "search"], services.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["database"], services["api"].Strings("dependsOn"));
        Assert.Equal(["api"], services["checkout"].Strings("dependsOn"));
        Assert.Equal(["api"], services["search"].Strings("dependsOn"));
        Assert.Empty(services["database"].Strings("dependsOn"));
        Assert.All(services.Values, s => Assert.False(string.IsNullOrWhiteSpace(s.NullableStr("group")), $"{s.Str("id")} has no group"));
        Assert.Equal("Checkout", services["checkout"].Str("name"));
        Assert.All(services.Values, s => Assert.Equal("operational", s.Str("status")));
    }

    [Fact]
    public async Task SeedingDefinesThreeClientsInThreeZonesWithWebhookContactsAtTheInbox()
    {
        await using var app = new CoordinatorApp(settings: Settings());
        using var api = new CoordinatorClient(app);
        await app.WaitUntilSeededAsync();

        var clients = (await api.PagesAsync("/api/v1/clients", 100)).SelectMany(p => p).ToDictionary(c => c.Str("id"));

        Assert.Equal(["acme", "globex", "initech"], clients.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["America/New_York", "Asia/Tokyo", "Europe/Berlin"], clients.Values.Select(c => c.Str("timeZone")).Order(StringComparer.Ordinal));
        Assert.Equal(3, clients.Values.Select(c => c.GetProperty("costProfile").Str("currency")).Distinct().Count());
        foreach (var (id, client) in clients)
        {
            Assert.NotEmpty(client.GetProperty("subscriptions").EnumerateArray());
            Assert.Equal(JsonValueKind.Object, client.GetProperty("sla").ValueKind);
            var weights = client.GetProperty("costProfile").GetProperty("weeklyUsage").EnumerateArray().Select(w => w.GetDouble()).ToList();
            Assert.True(weights.Max() > weights.Min(), $"{id}'s cost is not weighted by working hours");
            var contacts = client.GetProperty("contacts").EnumerateArray().ToList();
            Assert.InRange(contacts.Count, 1, 2);
            Assert.All(contacts, c =>
            {
                Assert.Equal($"{BaseUrl}/demo/inbox/{id}/{c.Str("id")}", c.Str("webhookUrl"));
                Assert.True(c.GetProperty("hasWebhookSecret").GetBoolean(), $"{id}/{c.Str("id")} has no webhook secret");
            });
        }
    }

    [Fact]
    public async Task RunningTheSeederAgainUpdatesEverythingAndCreatesNothing()
    {
        await using var app = new CoordinatorApp(settings: Settings());
        using var api = new CoordinatorClient(app);
        await app.WaitUntilSeededAsync();
        var before = await CatalogueAsync(api);

        var again = await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(new Uri(BaseUrl));

        Assert.Equal(new DemoSeedResult(0, 8), again);
        Assert.Equal(before, await CatalogueAsync(api));
    }

    [Fact]
    public async Task SeedingGivesUpWithoutClientsWhenWebhooksMayNotReachThisHost()
    {
        await using var app = new CoordinatorApp(settings: new Dictionary<string, string>(Settings()) { ["Notifications:Webhooks:AllowPrivateNetworks"] = "false" });
        using var api = new CoordinatorClient(app);
        await api.WaitUntilReadyAsync();

        var seeded = await app.Services.GetRequiredService<DemoSeedSignal>().Seeded.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(seeded);
        Assert.Empty((await api.PagesAsync("/api/v1/clients", 100)).SelectMany(p => p));
    }

    private static Dictionary<string, string> Settings() => new(DemoSettings.Quiet()) { ["Demo:BaseUrl"] = BaseUrl };

    // Ids and definitions without the timestamps, which a redefinition moves.
    private static async Task<List<string>> CatalogueAsync(CoordinatorClient api)
    {
        var services = (await api.PagesAsync("/api/v1/services", 100)).SelectMany(p => p)
            .Select(s => $"{s.Str("id")}:{s.Str("name")}:{string.Join(",", s.Strings("dependsOn"))}");
        var clients = (await api.PagesAsync("/api/v1/clients", 100)).SelectMany(p => p)
            .Select(c => $"{c.Str("id")}:{c.GetProperty("subscriptions")}:{c.GetProperty("contacts")}:{c.GetProperty("costProfile")}:{c.GetProperty("sla")}");
        return [.. services, .. clients];
    }
}
