using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UptimeCoordinator.Delivery.Tests.Support;
using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Grains.Costs;
using UptimeCoordinator.Host.Tests.Http;
using UptimeCoordinator.Host.Tests.Infrastructure;

namespace UptimeCoordinator.Host.Tests.Costs;

/// <summary>
/// The real host on a <see cref="ManualClock"/>, with a real webhook receiver on loopback and a
/// <see cref="ScriptedMaintenanceHistory"/> behind the maintenance hook. Events are posted as
/// observed at the clock's now, so a test tells the story by moving the clock between them.
/// </summary>
internal sealed class CostRig : IAsyncDisposable
{
    public const string WebhookSecret = "whsec_Y29zdC1yaWctd2ViaG9vay1zZWNyZXQ=";

    private CostRig(ManualClock clock, ScriptedMaintenanceHistory maintenance, WebhookReceiver receiver, RecordingLoggerProvider logs, CoordinatorApp app)
    {
        Clock = clock;
        Maintenance = maintenance;
        Receiver = receiver;
        Logs = logs;
        App = app;
        Api = new CoordinatorClient(app);
    }

    public ManualClock Clock { get; }

    public ScriptedMaintenanceHistory Maintenance { get; }

    public WebhookReceiver Receiver { get; }

    public RecordingLoggerProvider Logs { get; }

    public CoordinatorApp App { get; }

    public CoordinatorClient Api { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    public static async Task<CostRig> StartAsync(DateTimeOffset epoch)
    {
        var clock = new ManualClock(epoch);
        var maintenance = new ScriptedMaintenanceHistory();
        var receiver = await WebhookReceiver.StartAsync(WebhookSecret);
        var logs = new RecordingLoggerProvider();
        var app = new CoordinatorApp(
            settings: new Dictionary<string, string> { ["Notifications:Delivery:FirstRetryDelay"] = "PT0.05S" },
            services: s =>
            {
                s.AddSingleton<TimeProvider>(clock);
                s.AddSingleton<IMaintenanceHistory>(maintenance);
                s.AddSingleton<ILoggerProvider>(logs);
            });
        var rig = new CostRig(clock, maintenance, receiver, logs, app);
        await rig.Api.WaitUntilReadyAsync();
        return rig;
    }

    /// <summary>A webhook contact that opted in to every stage, sla.breached included (it is opt-in).</summary>
    public object WebhookContact(string id, string path) =>
        new { id, name = $"Hook {id}", webhookUrl = Receiver.UrlFor(path).ToString(), webhookSecret = WebhookSecret, stages = NoticeKinds.AllNames.ToArray() };

    public List<ReceivedWebhook> Hooks(string path) => [.. Receiver.Requests.Where(r => r.PathAndQuery == path)];

    public static string Type(ReceivedWebhook hook) => JsonDocument.Parse(hook.Body).RootElement.GetProperty("type").GetString()!;

    public static JsonElement Data(ReceivedWebhook hook) => JsonDocument.Parse(hook.Body).RootElement.GetProperty("data").Clone();

    /// <summary>A new service with a unique id.</summary>
    public async Task<string> NewServiceAsync(string prefix = "svc")
    {
        var id = TestIds.Unique(prefix);
        await Api.CreateServiceAsync(id);
        return id;
    }

    public Task<HttpResponseMessage> PutClientAsync(string id, object body) => Api.Ops.PutAsync($"/api/v1/clients/{id}", Json.Content(body));

    /// <summary>Defines (or redefines) a client and asserts it was accepted.</summary>
    public async Task DefineClientAsync(string id, object body)
    {
        using var response = await PutClientAsync(id, body);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"PUT client {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>GETs <paramref name="path"/> (as ops unless told) and asserts 200.</summary>
    public async Task<JsonElement> GetAsync(string path, HttpClient? caller = null)
    {
        using var response = await (caller ?? Api.Ops).GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    /// <summary>Posts an event for <paramref name="serviceId"/> observed at the clock's now.</summary>
    public Task ObserveAsync(string serviceId, string status) => Api.RecordAsync(new EventBody(serviceId, status, Now));

    /// <summary>
    /// Posts a non-up event and waits until the outage has reached the client (its status lists an
    /// incident) and the notices it planned have gone out. The fan-out runs after the 202, and a next
    /// step arriving before a notice was sent would supersede it, as a story's newer step does.
    /// Returns the incident id.
    /// </summary>
    public async Task<string> OutageReachesAsync(string clientId, string serviceId, string status = "down")
    {
        await ObserveAsync(serviceId, status);
        JsonElement incidents = default;
        await Eventually.HoldsAsync(
            async () => (incidents = (await GetAsync($"/api/v1/clients/{clientId}/status")).GetProperty("incidents")).GetArrayLength() > 0,
            $"the {status} of {serviceId} reaching {clientId}");
        await NoticesSentAsync(clientId);
        return incidents[0].Str("id");
    }

    /// <summary>Posts an up event and waits until the client's status has no incident left (its ledger is closed then) and its notices have gone out.</summary>
    public async Task RecoveryReachesAsync(string clientId, string serviceId)
    {
        await ObserveAsync(serviceId, "up");
        await Eventually.HoldsAsync(
            async () => (await GetAsync($"/api/v1/clients/{clientId}/status")).GetProperty("incidents").GetArrayLength() == 0,
            $"the recovery of {serviceId} reaching {clientId}");
        await NoticesSentAsync(clientId);
    }

    /// <summary>Waits until none of the client's notices is pending.</summary>
    public Task NoticesSentAsync(string clientId) =>
        Eventually.HoldsAsync(
            async () => (await GetAsync($"/api/v1/clients/{clientId}/notices?limit=200")).GetProperty("items").EnumerateArray().All(n => n.Str("state") != "pending"),
            $"the notices of {clientId} delivered");

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await App.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
