using System.Globalization;
using System.Net;
using System.Text.Json;
using MimeKit;
using UptimeCoordinator.Delivery.Tests.Support;
using UptimeCoordinator.Host.Tests.Http;
using UptimeCoordinator.Host.Tests.Infrastructure;
using UptimeCoordinator.Host.Tests.Notices;

namespace UptimeCoordinator.Host.Tests.Incidents;

/// <summary>
/// A <see cref="NoticeRig"/> (real host, real SMTP server, real webhook receiver) set up for the
/// incident lifecycle: follow-up after 2 s, survey after 4 s, and a responders' client whose one
/// webhook contact gets what is meant for ops. Tests sharing one rig tell their notices apart by
/// the addresses of their own <see cref="RigClient"/>s and by incident id.
/// </summary>
internal sealed class IncidentRig : IAsyncDisposable
{
    public const string RespondersClientId = "responders";
    public const string RespondersHookPath = "/hooks/responders";

    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private IncidentRig(NoticeRig notices) => Notices = notices;

    public NoticeRig Notices { get; }

    public CoordinatorClient Api => Notices.Api;

    public static async Task<IncidentRig> StartAsync(Dictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>
        {
            ["Notifications:FollowUpDelay"] = "PT2S",
            ["Notifications:SurveyDelay"] = "PT4S",
            ["Incidents:RespondersClientId"] = RespondersClientId,

            // The tests poll the API as ops while they wait for deliveries.
            ["RateLimiting:OpsPerSecond"] = "0",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var notices = await NoticeRig.StartAsync(all);
        try
        {
            await notices.CreateClientAsync(RespondersClientId, [], notices.WebhookContact("on-call", RespondersHookPath));
            return new IncidentRig(notices);
        }
        catch
        {
            await notices.DisposeAsync();
            throw;
        }
    }

    public async Task<string> CreateServiceAsync(string prefix = "svc")
    {
        var id = TestIds.Unique(prefix);
        await Api.CreateServiceAsync(id, new { name = $"Service {id}" });
        return id;
    }

    /// <summary>Creates a client (Europe/Berlin) subscribed to <paramref name="serviceIds"/> with an email and a webhook contact.</summary>
    public async Task<RigClient> CreateClientAsync(string[] serviceIds, string? id = null)
    {
        var client = new RigClient(id ?? TestIds.Unique("client"));
        await Notices.CreateClientAsync(
            client.Id, serviceIds, NoticeRig.EmailContact(client.EmailContactId), Notices.WebhookContact(client.HookContactId, client.HookPath));
        return client;
    }

    public async Task<JsonElement> CommandAsync(string incidentId, string action, object body)
    {
        using var response = await Api.Ops.PostAsync($"{CoordinatorClient.IncidentPath(incidentId)}/{action}", Json.Content(body));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    public List<MimeMessage> MailTo(RigClient client) =>
        [.. Notices.Smtp.Messages.Where(m => m.To.Mailboxes.Any(b => b.Address == client.Email))];

    public List<ReceivedWebhook> Hooks(string path) => [.. Notices.Receiver.Requests.Where(r => r.PathAndQuery == path)];

    public List<ReceivedWebhook> HooksOf(RigClient client) => Hooks(client.HookPath);

    /// <summary>What the responders' webhook received about <paramref name="incidentId"/>, in order.</summary>
    public List<ReceivedWebhook> ResponderHooks(string incidentId) =>
        [.. Hooks(RespondersHookPath).Where(h => Data(h).Str("incidentId") == incidentId)];

    /// <summary>Waits until the client's email contact received <paramref name="kinds"/>, then asserts it received exactly those, in order.</summary>
    public async Task ExpectMailAsync(RigClient client, params string[] kinds)
    {
        await Eventually.HoldsAsync(() => MailTo(client).Count >= kinds.Length, $"{kinds.Length} emails to {client.Email}: {string.Join(", ", kinds)}");
        Assert.Equal(kinds, MailTo(client).Select(Kind));
    }

    /// <summary>Waits until the webhook at <paramref name="path"/> received <paramref name="kinds"/>, then asserts it received exactly those, in order.</summary>
    public async Task ExpectHooksAsync(string path, params string[] kinds)
    {
        await Eventually.HoldsAsync(() => Hooks(path).Count >= kinds.Length, $"{kinds.Length} webhooks to {path}: {string.Join(", ", kinds)}");
        Assert.Equal(kinds, Hooks(path).Select(Type));
    }

    /// <summary>Both of the client's contacts, each on its own channel, received exactly <paramref name="kinds"/>, in order.</summary>
    public async Task ExpectNoticesAsync(RigClient client, params string[] kinds)
    {
        await ExpectMailAsync(client, kinds);
        await ExpectHooksAsync(client.HookPath, kinds);
    }

    public async Task ExpectResponderNoticesAsync(string incidentId, params string[] kinds)
    {
        await Eventually.HoldsAsync(() => ResponderHooks(incidentId).Count >= kinds.Length, $"{kinds.Length} responders' webhooks about {incidentId}");
        Assert.Equal(kinds, ResponderHooks(incidentId).Select(Type));
    }

    public void ExpectNothingFor(RigClient client)
    {
        Assert.Empty(MailTo(client));
        Assert.Empty(HooksOf(client));
    }

    /// <summary>
    /// Room for a notice that must not come to show up if it were coming: an incident hands its
    /// bulletins to every client in parallel, so one client's notice arriving says little about another's.
    /// </summary>
    public static Task SettleAsync() => Task.Delay(TimeSpan.FromSeconds(1));

    /// <summary>The plain text of the client's last notice of <paramref name="kind"/> by email and by webhook.</summary>
    public (string Mail, string Hook) TextsOf(RigClient client, string kind) =>
        (MailTo(client).Last(m => Kind(m) == kind).TextBody ?? "", Data(HooksOf(client).Last(h => Type(h) == kind)).Str("text"));

    /// <summary>The subject of the client's last notice of <paramref name="kind"/> by email and by webhook.</summary>
    public (string Mail, string Hook) SubjectsOf(RigClient client, string kind) =>
        (MailTo(client).Last(m => Kind(m) == kind).Subject ?? "", Data(HooksOf(client).Last(h => Type(h) == kind)).Str("subject"));

    public static string Kind(MimeMessage message) => message.Headers["X-Uptime-Notice-Kind"] ?? "";

    public static string Type(ReceivedWebhook hook) => JsonDocument.Parse(hook.Body).RootElement.GetProperty("type").GetString()!;

    public static JsonElement Data(ReceivedWebhook hook) => JsonDocument.Parse(hook.Body).RootElement.GetProperty("data").Clone();

    public static List<JsonElement> Timeline(JsonElement incident) => [.. incident.GetProperty("timeline").EnumerateArray()];

    /// <summary>How a notice to a Europe/Berlin client shows <paramref name="instant"/>: its local wall-clock time.</summary>
    public static string BerlinClock(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Berlin).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Rfc3339(DateTimeOffset instant) =>
        Uri.EscapeDataString(instant.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture));

    public ValueTask DisposeAsync() => Notices.DisposeAsync();
}
