using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UptimeCoordinator.Delivery.Tests.Support;
using UptimeCoordinator.Host.Tests.Http;

namespace UptimeCoordinator.Host.Tests.Notices;

/// <summary>
/// The real host with a real SMTP server and a real webhook receiver on loopback, wired through
/// configuration exactly as an operator would, plus a recording of every log line.
/// </summary>
internal sealed class NoticeRig : IAsyncDisposable
{
    public const string SmtpPassword = "smtp-p4ssw0rd-never-logged";
    public const string WebhookSecret = "whsec_bm90aWNlLXJpZy1zZWNyZXQtdmFsdWU=";

    private NoticeRig(SmtpTestServer smtp, WebhookReceiver receiver, CoordinatorApp app, RecordingLoggerProvider logs)
    {
        Smtp = smtp;
        Receiver = receiver;
        App = app;
        Logs = logs;
        Api = new CoordinatorClient(app);
    }

    public SmtpTestServer Smtp { get; }

    public WebhookReceiver Receiver { get; }

    public CoordinatorApp App { get; }

    public CoordinatorClient Api { get; }

    public RecordingLoggerProvider Logs { get; }

    public static async Task<NoticeRig> StartAsync(Dictionary<string, string>? settings = null)
    {
        var smtp = new SmtpTestServer();
        var receiver = await WebhookReceiver.StartAsync(WebhookSecret);
        var logs = new RecordingLoggerProvider();
        var all = new Dictionary<string, string>
        {
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Smtp:UseTls"] = "false",
            ["Notifications:Smtp:From"] = "Uptime Coordinator <status@uptime.example>",
            ["Notifications:Smtp:UserName"] = "uptime",
            ["Notifications:Smtp:Password"] = SmtpPassword,
            ["Notifications:Delivery:FirstRetryDelay"] = "PT0.05S",
            ["Logging:LogLevel:Default"] = "Debug",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var app = new CoordinatorApp(settings: all, services: s => s.AddSingleton<ILoggerProvider>(logs));
        var rig = new NoticeRig(smtp, receiver, app, logs);
        await rig.Api.WaitUntilReadyAsync();
        return rig;
    }

    public static object EmailContact(string id) => new { id, name = $"Contact {id}", email = $"{id}@clients.example" };

    public object WebhookContact(string id, string path) =>
        new { id, name = $"Hook {id}", webhookUrl = Receiver.UrlFor(path).ToString(), webhookSecret = WebhookSecret };

    public async Task CreateClientAsync(string id, string[] serviceIds, params object[] contacts)
    {
        using var response = await Api.Ops.PutAsync($"/api/v1/clients/{id}", Json.Content(new
        {
            name = $"Client {id}",
            timeZone = "Europe/Berlin",
            subscriptions = serviceIds.Select(s => new { serviceId = s, impact = 1.0 }).ToArray(),
            contacts,
        }));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"PUT client {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await Api.Ops.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    public async Task<List<JsonElement>> NoticesAsync(string clientId) =>
        [.. (await GetAsync($"/api/v1/clients/{clientId}/notices?limit=200")).GetProperty("items").EnumerateArray()];

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await App.DisposeAsync();
        await Receiver.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
