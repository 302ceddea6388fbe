using System.Net;
using System.Text.Json;
using UptimeCoordinator.Host.Tests.Http;
using UptimeCoordinator.Host.Tests.Infrastructure;

namespace UptimeCoordinator.Host.Tests.Security;

/// <summary>
/// Two tenants in one app, built through the real API with the ops key: <c>acme</c> (key
/// <see cref="ApiKeys.Client"/>) and <c>globex</c> (key <see cref="GlobexKey"/>), each with its own
/// services, a shared one, contacts whose addresses and secrets can be searched for, and globex with
/// an open incident, a maintenance window and notices of its own. Every globex-only thing carries
/// "globex" in its id, name or address, or is listed in <see cref="GlobexMarkers"/>, so that a leak
/// into anything acme's key reads is a plain substring.
/// </summary>
public sealed class TenantIsolationWorld : IAsyncLifetime
{
    public const string GlobexKey = "tenant-isolation-client-globex-key";

    public const string AcmeService = "acme-portal";
    public const string GlobexService = "globex-ledger";
    public const string SharedService = "shared-gateway";

    /// <summary>A service no client uses: where the monitor's ingest requests land, so they change no tenant's state.</summary>
    public const string ProbeService = "probe-target";

    /// <summary>Services of the stream test alone, so that its outages leave the matrix's state as seeded.</summary>
    public const string AcmeStreamService = "acme-stream";

    public const string GlobexStreamService = "globex-stream";

    public const string GlobexEmail = "hank.scorpio@globex.example";
    public const string GlobexWebhookUrl = "http://127.0.0.1:9/hooks/globex-ledger-bot";
    public const string GlobexWebhookSecret = "whsec_Z2xvYmV4LXRlbmFudC1pc29sYXRpb24tc2VjcmV0";
    public const string AcmeEmail = "wile.e@acme.example";

    public CoordinatorApp App { get; } = new(settings: new Dictionary<string, string>
    {
        [$"Auth:ApiKeys:{GlobexKey}"] = "client:globex",
        ["Stream:HeartbeatInterval"] = "PT1S",
    });

    public CoordinatorClient Api { get; private set; } = null!;

    public HttpClient Globex { get; private set; } = null!;

    /// <summary>The open incident that affects globex's own service only.</summary>
    public string GlobexIncidentId { get; private set; } = null!;

    /// <summary>The planned window on globex's own service only.</summary>
    public string GlobexMaintenanceId { get; private set; } = null!;

    /// <summary>The planned window on acme's own service: what acme's list must show, so that an empty list cannot pass.</summary>
    public string AcmeMaintenanceId { get; private set; } = null!;

    /// <summary>
    /// A window on the shared service, announced with less notice than globex's SLA asks for: acme
    /// reads it, and must not learn from it that globex exists.
    /// </summary>
    public string SharedMaintenanceId { get; private set; } = null!;

    /// <summary>One of the notices sent to globex's contacts.</summary>
    public string GlobexNoticeId { get; private set; } = null!;

    /// <summary>What must never appear in anything acme's key reads (compared case-insensitively).</summary>
    public IReadOnlyList<string> GlobexMarkers =>
        ["globex", GlobexEmail, GlobexWebhookUrl, GlobexWebhookSecret, GlobexIncidentId, GlobexMaintenanceId, GlobexNoticeId];

    public async Task InitializeAsync()
    {
        Api = new CoordinatorClient(App);
        Globex = App.ClientWith(GlobexKey);
        await Api.WaitUntilReadyAsync();
        foreach (var service in new[] { AcmeService, GlobexService, SharedService, ProbeService, AcmeStreamService, GlobexStreamService })
        {
            await Api.CreateServiceAsync(service);
        }

        await PutClientAsync("acme", new
        {
            name = "Acme Inc.",
            timeZone = "UTC",
            subscriptions = new[] { new { serviceId = AcmeService }, new { serviceId = SharedService }, new { serviceId = AcmeStreamService } },
            contacts = new object[] { new { id = "wile", name = "Wile E. Coyote", email = AcmeEmail } },
            costProfile = new { currency = "USD", costPerHour = 100m },
            sla = new { maintenanceNoticeHours = 24 },
        });
        await PutClientAsync("globex", GlobexDefinition);

        await Api.RecordAsync(EventBody.Down(GlobexService, TestTime.MinutesAgo(5), check: "ledger-http"));
        GlobexIncidentId = await Api.OpenIncidentIdAsync(GlobexService);
        GlobexMaintenanceId = await ScheduleAsync(GlobexService, days: 3, "Ledger storage upgrade for Globex");
        AcmeMaintenanceId = await ScheduleAsync(AcmeService, days: 4, "Portal upgrade");
        SharedMaintenanceId = await ScheduleAsync(SharedService, days: 2, "Gateway certificate rotation");
        await Eventually.HoldsAsync(async () => (await GlobexNoticesAsync()).Count > 0, "globex has notices");
        GlobexNoticeId = (await GlobexNoticesAsync())[0].Str("id");
    }

    /// <summary>The body globex was defined with: what a write that must be refused would change.</summary>
    public static object GlobexDefinition => new
    {
        name = "Globex Corporation",
        timeZone = "America/Chicago",
        subscriptions = new[] { new { serviceId = GlobexService }, new { serviceId = SharedService }, new { serviceId = GlobexStreamService } },
        contacts = new object[]
        {
            new { id = "hank", name = "Hank Scorpio (Globex)", email = GlobexEmail },
            new { id = "ledger-bot", name = "Globex ledger bot", webhookUrl = GlobexWebhookUrl, webhookSecret = GlobexWebhookSecret },
        },
        costProfile = new { currency = "USD", costPerHour = 5000m },
        sla = new { maintenanceNoticeHours = 120 },
    };

    public async Task DisposeAsync()
    {
        Globex.Dispose();
        Api.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>Schedules a window <paramref name="days"/> ahead, two hours long, and returns its id.</summary>
    public async Task<string> ScheduleAsync(string serviceId, int days, string title)
    {
        var start = TestTime.Now.AddDays(days);
        using var response = await Api.Ops.PostAsync("/api/v1/maintenance", Json.Content(new
        {
            serviceIds = new[] { serviceId }, start, end = start.AddHours(2), title,
        }));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST maintenance: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadJsonAsync()).Str("id");
    }

    /// <summary>The ops view of <paramref name="path"/>, asserting 200.</summary>
    public async Task<JsonElement> OpsGetAsync(string path)
    {
        using var response = await Api.Ops.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    private async Task<List<JsonElement>> GlobexNoticesAsync() =>
        [.. (await OpsGetAsync("/api/v1/clients/globex/notices")).GetProperty("items").EnumerateArray()];

    private async Task PutClientAsync(string id, object definition)
    {
        using var response = await Api.Ops.PutAsync($"/api/v1/clients/{id}", Json.Content(definition));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"PUT client {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
