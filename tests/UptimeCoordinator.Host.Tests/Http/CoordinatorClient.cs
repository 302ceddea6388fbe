using System.Net;
using System.Text.Json;

namespace UptimeCoordinator.Host.Tests.Http;

/// <summary>Talks to a <see cref="CoordinatorApp"/> the way ops and monitoring tools do.</summary>
public sealed class CoordinatorClient(CoordinatorApp app) : IDisposable
{
    public HttpClient Ops { get; } = app.ClientWith(ApiKeys.Ops);

    public HttpClient Monitor { get; } = app.ClientWith(ApiKeys.Monitor);

    public HttpClient Client { get; } = app.ClientWith(ApiKeys.Client);

    public HttpClient Anonymous { get; } = app.ClientWith(null);

    public static string ServicePath(string id) => $"/api/v1/services/{id}";

    public static string IncidentPath(string id) => $"/api/v1/incidents/{Uri.EscapeDataString(id)}";

    public Task<HttpResponseMessage> PutServiceAsync(string id, object definition) =>
        Ops.PutAsync(ServicePath(id), Json.Content(definition));

    /// <summary>Defines a service (by default named after its id) and asserts it was created.</summary>
    public async Task<JsonElement> CreateServiceAsync(string id, object? definition = null)
    {
        using var response = await PutServiceAsync(id, definition ?? new { name = $"Service {id}" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"PUT {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    public async Task<JsonElement> GetServiceAsync(string id)
    {
        using var response = await Ops.GetAsync(ServicePath(id));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET service {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    public async Task<JsonElement> GetIncidentAsync(string id)
    {
        using var response = await Ops.GetAsync(IncidentPath(id));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET incident {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    /// <summary>The incident a service has open, asserting it has one.</summary>
    public async Task<string> OpenIncidentIdAsync(string serviceId)
    {
        var service = await GetServiceAsync(serviceId);
        var id = service.NullableStr("openIncidentId");
        Assert.False(id is null, $"{serviceId} has no open incident: {service}");
        return id!;
    }

    /// <summary>Posts one event as a single JSON object, as the monitor.</summary>
    public Task<HttpResponseMessage> PostEventAsync(EventBody body) => Monitor.PostAsync("/api/v1/events", Json.Content(body));

    /// <summary>Posts events as a JSON array, as the monitor.</summary>
    public Task<HttpResponseMessage> PostEventsAsync(IEnumerable<EventBody> events) =>
        Monitor.PostAsync("/api/v1/events", Json.Content(events.ToArray()));

    /// <summary>Posts events as one array and asserts they were all accepted.</summary>
    public async Task RecordAsync(params EventBody[] events)
    {
        using var response = await PostEventsAsync(events);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST events: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Follows <c>nextCursor</c> from the first page to the last; returns every page's items.</summary>
    public async Task<List<List<JsonElement>>> PagesAsync(string path, int limit)
    {
        var pages = new List<List<JsonElement>>();
        string? cursor = null;
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        do
        {
            var url = $"{path}{separator}limit={limit}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            using var response = await Ops.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var page = await response.ReadJsonAsync();
            pages.Add([.. page.GetProperty("items").EnumerateArray()]);
            cursor = page.NullableStr("nextCursor");
            Assert.True(pages.Count <= 1000, "the cursor never ends");
        }
        while (cursor is not null);
        return pages;
    }

    /// <summary>Ids of every incident in the list for <paramref name="state"/>, in list order.</summary>
    public async Task<List<string>> IncidentIdsAsync(string state) =>
        [.. (await PagesAsync($"/api/v1/incidents?state={state}", 200)).SelectMany(p => p).Select(i => i.Str("id"))];

    /// <summary>Ids of every incident, open or resolved, that involves <paramref name="serviceId"/>, newest first.</summary>
    public async Task<List<string>> IncidentIdsOfAsync(string serviceId) =>
        [.. (await PagesAsync("/api/v1/incidents?state=all", 200))
            .SelectMany(p => p)
            .Where(i => i.Strings("serviceIds").Contains(serviceId))
            .Select(i => i.Str("id"))];

    /// <summary>Waits, boundedly, until <c>/readyz</c> says the silo runs.</summary>
    public async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await Anonymous.GetAsync("/readyz");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"/readyz still answers {(int)response.StatusCode} after 30 s");
            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        Ops.Dispose();
        Monitor.Dispose();
        Client.Dispose();
        Anonymous.Dispose();
    }
}
