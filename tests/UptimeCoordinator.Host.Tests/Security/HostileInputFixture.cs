using System.Net;
using System.Text.Json;
using UptimeCoordinator.Host.Tests.Http;

namespace UptimeCoordinator.Host.Tests.Security;

/// <summary>
/// One host for the hostile input tests, with something of everything for a bad request to damage:
/// two services (one depending on the other), a client with an email contact and a cost profile, an
/// open incident with its notice, and a planned maintenance window. Webhooks to private addresses are
/// refused, as outside Development. Only this class uses the host, so its whole state is observable.
/// </summary>
public sealed class HostileInputFixture : IAsyncLifetime
{
    public const string Database = "db";
    public const string Shop = "shop";
    public const string ClientId = "acme";

    /// <summary>A service no window is planned on, for the maintenance requests that should succeed.</summary>
    public const string Spare = "spare";

    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["Notifications:Webhooks:AllowPrivateNetworks"] = "false",
        ["RateLimiting:MonitorPerSecond"] = "0",
        ["RateLimiting:OpsPerSecond"] = "0",
        ["RateLimiting:ClientPerSecond"] = "0",
    };

    public CoordinatorApp App { get; } = new(settings: Settings);

    public CoordinatorClient Api { get; private set; } = null!;

    public string IncidentId { get; private set; } = "";

    public string MaintenanceId { get; private set; } = "";

    /// <summary>A client body that is valid as it stands, to spoil one field of.</summary>
    public static Dictionary<string, object?> ValidClient() => new()
    {
        ["name"] = "Acme",
        ["timeZone"] = "Europe/Berlin",
        ["subscriptions"] = new[] { new { serviceId = Shop, impact = 1.0 } },
        ["contacts"] = new[] { new { id = "ops", name = "Acme Ops", email = "ops@acme.example" } },
        ["costProfile"] = new { currency = "EUR", costPerHour = 1200 },
        // A low target keeps the open outage from breaching the SLA (and queueing a notice) mid-test.
        ["sla"] = new { targetPercent = 50.0 },
    };

    public async Task InitializeAsync()
    {
        Api = new CoordinatorClient(App);
        await Api.WaitUntilReadyAsync();
        await Api.CreateServiceAsync(Database, new { name = "Database" });
        await Api.CreateServiceAsync(Shop, new { name = "Shop", dependsOn = new[] { Database } });
        await Api.CreateServiceAsync(Spare, new { name = "Spare" });
        await SucceedAsync(Api.Ops.PutAsync($"/api/v1/clients/{ClientId}", Json.Content(ValidClient())), HttpStatusCode.Created);
        await Api.RecordAsync(EventBody.Down(Shop, DateTimeOffset.UtcNow.AddMinutes(-1)));
        IncidentId = await Api.OpenIncidentIdAsync(Shop);
        var start = DateTimeOffset.UtcNow.AddDays(2);
        var window = await SucceedAsync(
            Api.Ops.PostAsync("/api/v1/maintenance", Json.Content(new
            {
                serviceIds = new[] { Database },
                start,
                end = start.AddHours(1),
                title = "Database upgrade",
                noticeLeadTimes = new[] { "PT1H" },
            })),
            HttpStatusCode.Created);
        MaintenanceId = window.Str("id");
        await StateSnapshot.SettledAsync(Api.Ops);
    }

    public async Task DisposeAsync()
    {
        Api.Dispose();
        await App.DisposeAsync();
    }

    private static async Task<JsonElement> SucceedAsync(Task<HttpResponseMessage> send, HttpStatusCode status)
    {
        using var response = await send;
        Assert.True(response.StatusCode == status, $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }
}
