using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using UptimeCoordinator.Delivery.Tests.Support;
using UptimeCoordinator.Host.Tests.Http;
using UptimeCoordinator.Host.Tests.Infrastructure;

namespace UptimeCoordinator.Host.Tests.Security;

/// <summary>
/// The real host in memory with secrets of its own in play: API keys made for this run, an SMTP relay
/// with a user name and password (behind a tap that sees the password go by), a receiver for a
/// <c>whsec_</c>-signed webhook, one for a plain-secret webhook, a port where nobody listens, every
/// log category recorded at Trace, and every answer the test gets kept for the scan.
/// </summary>
internal sealed class SecretRig : IAsyncDisposable
{
    public const string ClientId = "acme";

    private readonly SmtpTestServer? _smtp;
    private readonly SecretSmtpTap? _tap;

    private SecretRig(SmtpTestServer? smtp, SecretSmtpTap? tap, WebhookReceiver signed, WebhookReceiver plain, SecretLogRecorder logs)
    {
        SignedSecret = signed.Secret!;
        PlainSecret = plain.Secret!;
        _smtp = smtp;
        _tap = tap;
        Signed = signed;
        Plain = plain;
        Logs = logs;
    }

    public string OpsKey { get; } = Distinct("ops-key");

    public string MonitorKey { get; } = Distinct("monitor-key");

    public string ClientKey { get; } = Distinct("client-key");

    /// <summary>Configured nowhere; a caller who sends it must not find it in a log either.</summary>
    public string WrongKey { get; } = Distinct("wrong-key");

    public string SmtpUserName { get; } = Distinct("smtp-user");

    public string SmtpPassword { get; } = Distinct("smtp-password");

    public string SignedSecret { get; }

    public string PlainSecret { get; }

    public string DeadHookSecret { get; } = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The webhook paths carry tokens of their own (as Slack's do): the log may name the host only.</summary>
    public string SignedPath { get; } = "/hooks/" + Distinct("signed-path-token");

    public string PlainPath { get; } = "/hooks/" + Distinct("plain-path-token");

    public int DeadPort { get; } = FreePorts.Next();

    public WebhookReceiver Signed { get; }

    public WebhookReceiver Plain { get; }

    public SmtpTestServer Smtp => _smtp ?? throw new InvalidOperationException("this rig's SMTP relay is a closed port");

    public SecretSmtpTap Tap => _tap ?? throw new InvalidOperationException("this rig's SMTP relay is a closed port");

    public SecretLogRecorder Logs { get; }

    public SecretExchangeRecorder Answers { get; } = new();

    public CoordinatorApp App { get; private set; } = null!;

    public FaultyGrainStorage Storage { get; private set; } = null!;

    public HttpClient Ops { get; private set; } = null!;

    public HttpClient Monitor { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public HttpClient Anonymous { get; private set; } = null!;

    public string SignedUrl => Signed.UrlFor(SignedPath).ToString();

    public string PlainUrl => Plain.UrlFor(PlainPath).ToString();

    public string DeadUrl => $"http://127.0.0.1:{DeadPort}/hooks/dead";

    /// <summary>Every secret in every form: what neither an answer nor a log line may hold.</summary>
    public SecretScan Secrets()
    {
        var scan = new SecretScan()
            .Add("ops key", OpsKey)
            .Add("monitor key", MonitorKey)
            .Add("client key", ClientKey)
            .Add("wrong key", WrongKey)
            .Add("SMTP user name", SmtpUserName)
            .Add("SMTP password", SmtpPassword)
            .Add("whsec_ webhook secret", SignedSecret)
            .Add("plain webhook secret", PlainSecret)
            .Add("unreachable webhook's secret", DeadHookSecret)
            .AddEncoded("SMTP AUTH PLAIN argument", Encoding.UTF8.GetBytes($"\0{SmtpUserName}\0{SmtpPassword}"));
        return scan;
    }

    /// <summary><see cref="Secrets"/> and the webhook paths' tokens, which answers show to ops but logs must not.</summary>
    public SecretScan LogSecrets() =>
        Secrets().Add("signed webhook's path token", SignedPath["/hooks/".Length..]).Add("plain webhook's path token", PlainPath["/hooks/".Length..]);

    /// <param name="smtpReachable">False points the SMTP relay at a port where nobody listens.</param>
    public static async Task<SecretRig> StartAsync(bool smtpReachable = true, Dictionary<string, string>? settings = null)
    {
        var smtp = smtpReachable ? new SmtpTestServer() : null;
        var tap = smtp is null ? null : new SecretSmtpTap(smtp.Port);
        var rig = new SecretRig(
            smtp,
            tap,
            await WebhookReceiver.StartAsync("whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))),
            await WebhookReceiver.StartAsync(Distinct("plain-webhook-secret")),
            new SecretLogRecorder());
        rig.Signed.StatusFor = n => n == 1 ? (int)HttpStatusCode.InternalServerError : (int)HttpStatusCode.OK;
        await rig.StartAppAsync(tap?.Port ?? FreePorts.Next(), settings);
        return rig;
    }

    public object EmailContact(string id) => new { id, name = $"Mail {id}", email = $"{id}@clients.example" };

    public object SignedContact() => new { id = "signed", name = "Signed hook", webhookUrl = SignedUrl, webhookSecret = SignedSecret };

    public object PlainContact() => new { id = "plain", name = "Plain hook", webhookUrl = PlainUrl, webhookSecret = PlainSecret };

    public object DeadContact() => new { id = "dead", name = "Unreachable hook", webhookUrl = DeadUrl, webhookSecret = DeadHookSecret };

    public async Task<JsonElement> PutClientAsync(string id, string[] serviceIds, params object[] contacts)
    {
        using var response = await Ops.PutAsync($"/api/v1/clients/{id}", Json.Content(new
        {
            name = $"Client {id}",
            timeZone = "Europe/Berlin",
            subscriptions = serviceIds.Select(s => new { serviceId = s, impact = 1.0 }).ToArray(),
            contacts,
            costProfile = new { currency = "EUR", costPerHour = 1200 },
            sla = new { targetPercent = 99.9 },
        }));
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"PUT client {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    public async Task PutServiceAsync(string id, object definition)
    {
        using var response = await Ops.PutAsync(CoordinatorClient.ServicePath(id), Json.Content(definition));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"PUT service {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task RecordAsync(string serviceId, string status)
    {
        using var response = await Monitor.PostAsync("/api/v1/events", Json.Content(new EventBody(serviceId, status, DateTimeOffset.UtcNow, "secrets-test", "http", $"{serviceId} is {status}")));
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST event: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<JsonElement> GetOkAsync(HttpClient caller, string path)
    {
        using var response = await caller.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}");
        return response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true ? await response.ReadJsonAsync() : default;
    }

    public async Task<List<JsonElement>> NoticesAsync(string clientId = ClientId) =>
        [.. (await GetOkAsync(Ops, $"/api/v1/clients/{clientId}/notices?limit=200")).GetProperty("items").EnumerateArray()];

    /// <summary>A client of this app with its own key (or none) whose answers are kept, and optionally more handlers inside.</summary>
    public HttpClient Caller(string? key, params DelegatingHandler[] inner)
    {
        var client = App.CreateDefaultClient([Answers.Sibling(), new ErrorBodyGuard(), .. inner]);
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        }

        return client;
    }

    public void AssertLogsHoldNoSecret() => AssertNoSecretIn(LogSecrets(), Logs.Lines.Select(l => ($"log line {l.Level} {l.Category}[{l.EventId.Id}]", l.Everything)));

    public void AssertAnswersHoldNoSecret(SecretScan? scan = null)
    {
        scan ??= Secrets();
        var answers = Answers.Exchanges;
        AssertNoSecretIn(scan, answers.Select(a => ($"the headers of {a}", a.Headers)));
        AssertNoSecretIn(scan, answers.Select(a => ($"the body of {a}", a.Body)));
        AssertNoSecretIn(scan, answers.SelectMany(a => a.SetCookies.Select(c => ($"a Set-Cookie of {a}", c))));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in new[] { Ops, Monitor, Client, Anonymous })
        {
            client?.Dispose();
        }

        if (App is not null)
        {
            await App.DisposeAsync();
        }

        await Signed.DisposeAsync();
        await Plain.DisposeAsync();
        if (_tap is not null)
        {
            await _tap.DisposeAsync();
        }

        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }
    }

    private static void AssertNoSecretIn(SecretScan scan, IEnumerable<(string Where, string Text)> texts)
    {
        foreach (var (where, text) in texts)
        {
            scan.AssertAbsent(where, text);
        }
    }

    private static string Distinct(string what) => $"{what}-{Guid.NewGuid():N}";

    private async Task StartAppAsync(int smtpPort, Dictionary<string, string>? extra)
    {
        var settings = new Dictionary<string, string>
        {
            [$"Auth:ApiKeys:{OpsKey}"] = "ops",
            [$"Auth:ApiKeys:{MonitorKey}"] = "monitor",
            [$"Auth:ApiKeys:{ClientKey}"] = $"client:{ClientId}",
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
            ["Notifications:Smtp:UseTls"] = "false",
            ["Notifications:Smtp:From"] = "Uptime Coordinator <status@uptime.example>",
            ["Notifications:Smtp:UserName"] = SmtpUserName,
            ["Notifications:Smtp:Password"] = SmtpPassword,
            ["Notifications:Delivery:FirstRetryDelay"] = "PT0.05S",
            ["Notifications:Delivery:MaxAttempts"] = "3",
            ["RateLimiting:MonitorPerSecond"] = "0",
            ["RateLimiting:OpsPerSecond"] = "0",
            ["RateLimiting:ClientPerSecond"] = "0",

            // Everything any category writes, at the most verbose level; the console gets none of it.
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Trace",
            ["Logging:LogLevel:Orleans"] = "Trace",
            ["Logging:LogLevel:Polly"] = "Trace",
            ["Logging:LogLevel:System.Net.Http"] = "Trace",
            ["Logging:LogLevel:MailKit"] = "Trace",
            ["Logging:Console:LogLevel:Default"] = "None",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        App = new CoordinatorApp(settings: settings, withTestKeys: false, services: s =>
        {
            s.AddSingleton<ILoggerProvider>(Logs);
            s.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (sp, _) => Storage = new FaultyGrainStorage(sp.GetRequiredService<IGrainStorageSerializer>()));
        });
        Ops = Caller(OpsKey);
        Monitor = Caller(MonitorKey);
        Client = Caller(ClientKey);
        Anonymous = Caller(null);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var ready = await Anonymous.GetAsync("/readyz");
            if (ready.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"/readyz still answers {(int)ready.StatusCode} after 30 s");
            await Task.Delay(100);
        }
    }
}
