using System.Globalization;
using System.Net;
using System.Text.Json;
using MimeKit;
using UptimeCoordinator.Delivery.Tests.Support;
using UptimeCoordinator.Host.Tests.Http;
using UptimeCoordinator.Host.Tests.Infrastructure;
using UptimeCoordinator.Host.Tests.Notices;

namespace UptimeCoordinator.Host.Tests.Maintenance;

/// <summary>
/// A <see cref="NoticeRig"/> (real host, real SMTP server, real webhook receiver) whose windows
/// remind <see cref="LeadTimes"/> ahead by default, so that a whole window, reminders included,
/// runs in seconds of real time. Tests sharing a rig use unique service and client ids, and tell
/// their notices apart by webhook path and email address.
/// </summary>
internal sealed class MaintenanceRig : IAsyncDisposable
{
    /// <summary>The rig's <c>Maintenance:DefaultNoticeLeadTimes</c>: reminders 4 s and 2 s before the start.</summary>
    public const string LeadTimes = "PT4S,PT2S";

    public const string Scheduled = "maintenance.scheduled";
    public const string Reminder = "maintenance.reminder";
    public const string Started = "maintenance.started";
    public const string Completed = "maintenance.completed";
    public const string Changed = "maintenance.changed";

    /// <summary>Steps of windows run in real time; on a loaded machine a grain timer may fire late.</summary>
    public const int StepSeconds = 45;

    private MaintenanceRig(NoticeRig notices) => Notices = notices;

    public NoticeRig Notices { get; }

    public CoordinatorClient Api => Notices.Api;

    public static async Task<MaintenanceRig> StartAsync(Dictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>
        {
            ["Maintenance:DefaultNoticeLeadTimes"] = LeadTimes,

            // The tests poll the API as ops while windows run.
            ["RateLimiting:OpsPerSecond"] = "0",
            ["RateLimiting:ClientPerSecond"] = "0",
            ["Logging:LogLevel:Default"] = "Information",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return new MaintenanceRig(await NoticeRig.StartAsync(all));
    }

    /// <summary>A new service with a unique id, depending on <paramref name="dependsOn"/>.</summary>
    public async Task<string> CreateServiceAsync(string prefix, params string[] dependsOn)
    {
        var id = TestIds.Unique(prefix);
        await Api.CreateServiceAsync(id, new { name = $"Service {id}", dependsOn });
        return id;
    }

    /// <summary>Defines a client from a full request body and asserts it was accepted.</summary>
    public async Task DefineClientAsync(string id, object body)
    {
        using var response = await Api.Ops.PutAsync($"/api/v1/clients/{id}", Json.Content(body));
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"PUT client {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A client in <paramref name="timeZone"/> subscribed to <paramref name="serviceIds"/>; <paramref name="sla"/> null keeps DESIGN's defaults.</summary>
    public Task DefineClientAsync(string id, string timeZone, string[] serviceIds, object[] contacts, object? sla = null, object? costProfile = null) =>
        DefineClientAsync(id, new
        {
            name = $"Client {id}",
            timeZone,
            subscriptions = serviceIds.Select(s => new { serviceId = s, impact = 1.0 }).ToArray(),
            contacts,
            sla,
            costProfile,
        });

    /// <summary>A webhook contact on the rig's receiver; with <paramref name="timeZone"/>, one that reads times on its own clock, not its client's.</summary>
    public object HookContact(string id, string path, string? timeZone = null) =>
        timeZone is null
            ? Notices.WebhookContact(id, path)
            : new { id, name = $"Hook {id}", webhookUrl = Notices.Receiver.UrlFor(path).ToString(), webhookSecret = NoticeRig.WebhookSecret, timeZone };

    public static object MailContact(string id) => NoticeRig.EmailContact(id);

    public static string EmailOf(string contactId) => $"{contactId}@clients.example";

    public Task<HttpResponseMessage> PostAsync(string path, object body, HttpClient? caller = null) =>
        (caller ?? Api.Ops).PostAsync(path, Json.Content(body));

    /// <summary>Schedules a window and asserts 201 with a Location naming it; returns the window view.</summary>
    public async Task<JsonElement> ScheduleAsync(object body)
    {
        using var response = await PostAsync("/api/v1/maintenance", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/v1/maintenance: {(int)response.StatusCode} {text}");
        var window = await response.ReadJsonAsync();
        Assert.Equal($"/api/v1/maintenance/{window.Str("id")}", response.Headers.Location?.OriginalString);
        return window;
    }

    /// <summary>POSTs a command to a window and asserts 200; returns the window view.</summary>
    public async Task<JsonElement> CommandAsync(string windowId, string action, object body)
    {
        using var response = await PostAsync($"/api/v1/maintenance/{windowId}/{action}", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    public Task<JsonElement> WindowAsync(string windowId) => Notices.GetAsync($"/api/v1/maintenance/{windowId}");

    /// <summary>Waits until the window is in <paramref name="state"/>; returns its view then.</summary>
    public async Task<JsonElement> WaitForStateAsync(string windowId, string state, int seconds = StepSeconds)
    {
        JsonElement window = default;
        await Eventually.HoldsAsync(async () => (window = await WindowAsync(windowId)).Str("state") == state, $"window {windowId} {state}", seconds);
        return window;
    }

    /// <summary>Waits until every step the window handed out is marked delivered to its clients.</summary>
    public async Task<JsonElement> WaitUntilHandedOutAsync(string windowId)
    {
        JsonElement window = default;
        await Eventually.HoldsAsync(
            async () => (window = await WindowAsync(windowId)).GetProperty("notices").EnumerateArray().All(n => n.GetProperty("delivered").GetBoolean()),
            $"every step of {windowId} handed out");
        return window;
    }

    /// <summary>Ids of the windows listed for <paramref name="query"/>, following every page.</summary>
    public async Task<List<string>> ListedIdsAsync(string query) =>
        [.. (await Api.PagesAsync($"/api/v1/maintenance?{query}", 50)).SelectMany(p => p).Select(w => w.Str("id"))];

    /// <summary>The calendar.ics of the window as ops fetch it: asserts 200 text/calendar.</summary>
    public async Task<string> CalendarAsync(string windowId)
    {
        using var response = await Api.Ops.GetAsync($"/api/v1/maintenance/{windowId}/calendar.ics");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET calendar.ics: {(int)response.StatusCode} {text}");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        return text;
    }

    public List<ReceivedWebhook> Hooks(string path) => [.. Notices.Receiver.Requests.Where(r => r.PathAndQuery == path)];

    /// <summary>What the webhook at <paramref name="path"/> received about <paramref name="windowId"/>, in order of arrival.</summary>
    public List<ReceivedWebhook> HooksAbout(string path, string windowId) =>
        [.. Hooks(path).Where(h => Data(h).TryGetProperty("windowId", out var id) && id.GetString() == windowId)];

    public List<MimeMessage> MailTo(string address) =>
        [.. Notices.Smtp.Messages.Where(m => m.To.Mailboxes.Any(b => b.Address == address))];

    /// <summary>Waits until the webhook at <paramref name="path"/> received a notice of <paramref name="kind"/>; returns the first.</summary>
    public async Task<ReceivedWebhook> HookOfAsync(string path, string kind, int seconds = StepSeconds)
    {
        await Eventually.HoldsAsync(() => Hooks(path).Any(h => Type(h) == kind), $"a {kind} webhook to {path}; so far: {string.Join(", ", Hooks(path).Select(Type))}", seconds);
        return Hooks(path).First(h => Type(h) == kind);
    }

    /// <summary>Waits until <paramref name="address"/> received an email of <paramref name="kind"/>; returns the first.</summary>
    public async Task<MimeMessage> MailOfAsync(string address, string kind, int seconds = StepSeconds)
    {
        await Eventually.HoldsAsync(() => MailTo(address).Any(m => Kind(m) == kind), $"a {kind} email to {address}; so far: {string.Join(", ", MailTo(address).Select(Kind))}", seconds);
        return MailTo(address).First(m => Kind(m) == kind);
    }

    public static string Kind(MimeMessage message) => message.Headers["X-Uptime-Notice-Kind"] ?? "";

    public static string Type(ReceivedWebhook hook) => JsonDocument.Parse(hook.Body).RootElement.GetProperty("type").GetString()!;

    public static JsonElement Data(ReceivedWebhook hook) => JsonDocument.Parse(hook.Body).RootElement.GetProperty("data").Clone();

    /// <summary>The start of a window <paramref name="seconds"/> from now, in whole seconds so it survives JSON unchanged.</summary>
    public static DateTimeOffset SecondsAhead(double seconds) => TestTime.Now.AddSeconds(Math.Ceiling(seconds));

    /// <summary>The UTC offset <paramref name="zoneId"/> has at <paramref name="instant"/>, as RFC 3339 writes it: "+09:00", "-05:00".</summary>
    public static string OffsetText(string zoneId, DateTimeOffset instant)
    {
        var offset = TimeZoneInfo.FindSystemTimeZoneById(zoneId).GetUtcOffset(instant);
        return (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>The wall-clock time <paramref name="instant"/> shows in <paramref name="zoneId"/>, as the notices write it: "04:12".</summary>
    public static string ClockIn(string zoneId, DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(zoneId)).ToString("HH:mm", CultureInfo.InvariantCulture);

    public ValueTask DisposeAsync() => Notices.DisposeAsync();
}
