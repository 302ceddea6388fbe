using System.Net;
using System.Text.Json;

namespace UptimeCoordinator.Web.Tests.Infrastructure;

/// <summary>
/// Sets the scene through the public API over real HTTP, the way ops and monitoring tools do:
/// services, clients with subscriptions, health events, incident and maintenance commands.
/// Every helper asserts the status it expects and returns the JSON answer.
/// </summary>
public sealed class WebApi(WebHostApp host) : IDisposable
{
    public HttpClient Ops { get; } = ClientFor(host, WebKeys.Ops);

    public HttpClient Monitor { get; } = ClientFor(host, WebKeys.Monitor);

    public HttpClient Anonymous { get; } = ClientFor(host, null);

    /// <summary>A client that authenticates with <paramref name="key"/> as a bearer token (none when null) and never follows redirects.</summary>
    public static HttpClient ClientFor(WebHostApp host, string? key)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = host.BaseUrl,
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        }

        return client;
    }

    /// <summary>A short id unique to this test run, so tests sharing one host never meet each other's data.</summary>
    public static string UniqueId(string prefix = "svc") => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public async Task<JsonElement> SendAsync(HttpClient caller, HttpMethod method, string path, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : WebJson.Content(body) };
        using var response = await caller.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public Task<JsonElement> GetAsOpsAsync(string path) => SendAsync(Ops, HttpMethod.Get, path, null, HttpStatusCode.OK);

    public Task<JsonElement> PostAsOpsAsync(string path, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        SendAsync(Ops, HttpMethod.Post, path, body, expected);

    /// <summary>Defines a service named <paramref name="name"/> (default: "Service {id}") and returns its id.</summary>
    public async Task<string> CreateServiceAsync(string? id = null, string? name = null, string[]? dependsOn = null)
    {
        id ??= UniqueId();
        await SendAsync(Ops, HttpMethod.Put, $"/api/v1/services/{id}", new { name = name ?? $"Service {id}", dependsOn }, HttpStatusCode.Created);
        return id;
    }

    /// <summary>
    /// Creates or replaces client <paramref name="clientId"/> subscribed to <paramref name="serviceIds"/>, with
    /// no contacts unless given. <paramref name="costPerHour"/> gives it a cost profile that counts every hour
    /// of the week (so a running cost grows at any time of day); <paramref name="sla"/> is the SLA body as is.
    /// </summary>
    public Task<JsonElement> PutClientAsync(
        string clientId,
        string[] serviceIds,
        string? name = null,
        string timeZone = "Europe/Berlin",
        decimal? costPerHour = null,
        string currency = "EUR",
        object? sla = null,
        object[]? contacts = null) =>
        SendAsync(Ops, HttpMethod.Put, $"/api/v1/clients/{clientId}", new
        {
            name = name ?? $"Client {clientId}",
            timeZone,
            subscriptions = serviceIds.Select(s => new { serviceId = s, impact = 1.0 }).ToArray(),
            contacts = contacts ?? [],
            costProfile = costPerHour is { } perHour
                ? new { currency, costPerHour = perHour, weeklyUsage = Enumerable.Repeat(1.0, 168).ToArray() }
                : null,
            sla,
        }, HttpStatusCode.Created);

    /// <summary>Posts health events as the monitor; <c>source</c> blackbox, whose down opens an incident at once.</summary>
    public Task PostHealthAsync(string serviceId, string status, DateTimeOffset? observedAt = null, string? message = null) =>
        SendAsync(Monitor, HttpMethod.Post, "/api/v1/events", new[]
        {
            new { serviceId, status, observedAt = observedAt ?? DateTimeOffset.UtcNow, source = "blackbox", message },
        }, HttpStatusCode.Accepted);

    public Task DownAsync(string serviceId, DateTimeOffset? observedAt = null, string? message = null) =>
        PostHealthAsync(serviceId, "down", observedAt, message);

    public Task UpAsync(string serviceId, DateTimeOffset? observedAt = null) => PostHealthAsync(serviceId, "up", observedAt);

    public Task<JsonElement> GetServiceAsync(string serviceId) => GetAsOpsAsync($"/api/v1/services/{serviceId}");

    public Task<JsonElement> GetIncidentAsync(string incidentId) => GetAsOpsAsync($"/api/v1/incidents/{Uri.EscapeDataString(incidentId)}");

    /// <summary>The incident open on <paramref name="serviceId"/>, waiting boundedly until the service names one.</summary>
    public async Task<string> OpenIncidentIdAsync(string serviceId)
    {
        string? id = null;
        await UptimeCoordinator.Host.Tests.Infrastructure.Eventually.HoldsAsync(
            async () => (id = (await GetServiceAsync(serviceId)).NullableStr("openIncidentId")) is not null,
            $"{serviceId} has an open incident");
        return id!;
    }

    /// <summary>Opens an incident on <paramref name="serviceId"/> by a monitor's down event and returns its id.</summary>
    public async Task<string> OpenIncidentAsync(string serviceId, DateTimeOffset? downAt = null, string? message = null)
    {
        await DownAsync(serviceId, downAt, message);
        return await OpenIncidentIdAsync(serviceId);
    }

    /// <summary>Runs an incident command (acknowledge, updates, resolve, confirm, dismiss) as ops.</summary>
    public Task<JsonElement> IncidentCommandAsync(string incidentId, string action, object body) =>
        PostAsOpsAsync($"/api/v1/incidents/{Uri.EscapeDataString(incidentId)}/{action}", body);

    public Task<JsonElement> AcknowledgeAsync(string incidentId, DateTimeOffset? eta = null, string? message = null) =>
        IncidentCommandAsync(incidentId, "acknowledge", new { by = "web-tests", eta, message });

    public Task<JsonElement> PostUpdateAsync(string incidentId, string message, string? stage = null, DateTimeOffset? eta = null) =>
        IncidentCommandAsync(incidentId, "updates", new { by = "web-tests", message, stage, eta });

    public Task<JsonElement> ResolveAsync(string incidentId, string summary = "Fixed.") =>
        IncidentCommandAsync(incidentId, "resolve", new { by = "web-tests", summary, actionsTaken = new[] { "Restarted it" }, timeSpentMinutes = 5 });

    /// <summary>Schedules a maintenance window as ops and returns its view (201).</summary>
    public Task<JsonElement> ScheduleMaintenanceAsync(string[] serviceIds, DateTimeOffset start, DateTimeOffset end, string title, string? description = null) =>
        PostAsOpsAsync("/api/v1/maintenance", new { serviceIds, start, end, title, description, by = "web-tests" }, HttpStatusCode.Created);

    /// <summary>Every open incident (ops' list), following the cursor.</summary>
    public async Task<List<JsonElement>> OpenIncidentsAsync()
    {
        var all = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await GetAsOpsAsync("/api/v1/incidents?state=open&limit=200" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            all.AddRange(page.Items());
            cursor = page.NullableStr("nextCursor");
        }
        while (cursor is not null);
        return all;
    }

    /// <summary>Waits, boundedly, until <c>/readyz</c> says the silo runs.</summary>
    public Task WaitUntilReadyAsync() =>
        UptimeCoordinator.Host.Tests.Infrastructure.Eventually.HoldsAsync(async () =>
        {
            using var response = await Anonymous.GetAsync("/readyz");
            return response.StatusCode == HttpStatusCode.OK;
        }, "/readyz answers 200");

    public void Dispose()
    {
        Ops.Dispose();
        Monitor.Dispose();
        Anonymous.Dispose();
    }
}
