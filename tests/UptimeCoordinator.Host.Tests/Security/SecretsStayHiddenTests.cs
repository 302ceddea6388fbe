using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using UptimeCoordinator.Host.Tests.Http;
using UptimeCoordinator.Host.Tests.Infrastructure;
using UptimeCoordinator.Host.Tests.Stream;
using Xunit.Abstractions;

namespace UptimeCoordinator.Host.Tests.Security;

/// <summary>
/// Issue 11, item 7: webhook secrets, SMTP credentials, API keys, page cookies and feedback tokens are
/// never in an answer of the API and never in a log line, with every log category at Trace. Each test
/// first shows that the secret was really used (a verified signature, the password on the wire), then
/// scans every answer it got and every line, value, scope and exception the host logged.
/// </summary>
public sealed partial class SecretsStayHiddenTests(ITestOutputHelper output)
{
    [Fact]
    public void TheScanFindsASecretInEachFormItCouldTake()
    {
        var secret = "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("a key of thirty-two bytes, exact"));
        var password = "p@ss word/with+odd&chars=1";
        var scan = new SecretScan().Add("webhook secret", secret).Add("password", password)
            .AddEncoded("auth", Encoding.UTF8.GetBytes($"\0user\0{password}"));
        var key = Convert.FromBase64String(secret["whsec_".Length..]);

        string[] leaks =
        [
            $"secret={secret}",
            $"url?s={Uri.EscapeDataString(password)}",
            $"form={WebUtility.UrlEncode(password)}",
            $"<p>{WebUtility.HtmlEncode(password)}</p>",
            JsonSerializer.Serialize(new { password }),
            $"blob {Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"x\":\"{password}\"}}"))}",
            $"blob {Convert.ToBase64String(Encoding.UTF8.GetBytes($"ab{password}"))}",
            $"key {Convert.ToHexString(key)}",
            $"AUTH PLAIN {Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0user\0{password}"))}",
            $"key {Convert.ToBase64String([1, .. key])}",
        ];

        Assert.All(leaks, leak => Assert.NotEmpty(scan.FindIn(leak)));
        Assert.Empty(scan.FindIn("nothing secret here, only a whsec_ prefix and the word password"));
    }

    [Fact]
    public async Task DeliveriesUseEverySecretYetNoAnswerAndNoLogLineHoldsOne()
    {
        await using var rig = await SecretRig.StartAsync();
        await rig.PutServiceAsync("db", new { name = "Customer database" });
        await rig.PutServiceAsync("checkout", new { name = "Checkout", dependsOn = new[] { "db" } });
        await rig.PutClientAsync(SecretRig.ClientId, ["checkout"], rig.EmailContact("alice"), rig.SignedContact(), rig.PlainContact(), rig.DeadContact());
        await using var stream = await SseReader.OpenAsync(rig.Ops);

        // Down: email over an authenticated SMTP session, a signed webhook that fails once, a plain-secret
        // webhook, and one to a port where nobody listens, retried until it fails.
        await rig.RecordAsync("db", "down");
        await Eventually.HoldsAsync(() => rig.Smtp.Messages.Count >= 1 && rig.Signed.Successes >= 1 && rig.Plain.Successes >= 1, "the outage's email and webhooks");
        await Eventually.HoldsAsync(async () => (await rig.NoticesAsync()).Any(n => n.Str("contactId") == "dead" && n.Str("state") == "failed"), "the unreachable webhook's notice to fail");
        var failed = (await rig.GetOkAsync(rig.Ops, "/api/v1/notices/failed")).GetProperty("items").EnumerateArray().First(n => n.Str("contactId") == "dead");
        using (var retry = await rig.Ops.PostAsync($"/api/v1/clients/{SecretRig.ClientId}/notices/{Uri.EscapeDataString(failed.Str("id"))}/retry", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        }

        await rig.RecordAsync("db", "up");
        await Eventually.HoldsAsync(() => rig.Smtp.Messages.Count >= 2 && rig.Signed.Successes >= 2 && rig.Plain.Successes >= 2, "the resolution's email and webhooks");
        var events = await ReadEventsAsync(stream, 6);

        // The secrets were used: the signatures verify with the contacts' secrets and the relay saw the password.
        Assert.True(rig.Signed.Requests.Count >= 3, $"the signed webhook got {rig.Signed.Requests.Count} requests: a 500, its retry and the resolution");
        Assert.Equal(rig.Signed.Requests.Count - 1, rig.Signed.Successes);
        Assert.All(rig.Signed.Requests, r => Assert.True(Verifies(r, rig.SignedSecret), $"webhook {r.Id} is not signed with the whsec_ secret"));
        Assert.All(rig.Plain.Requests, r => Assert.True(Verifies(r, rig.PlainSecret), $"webhook {r.Id} is not signed with the plain secret"));
        Assert.All(rig.Signed.Requests, r => Assert.Equal(rig.SignedPath, r.PathAndQuery));
        Assert.Contains(rig.SmtpUserName, rig.Smtp.Logins);
        Assert.Contains(rig.Tap.PlainLogins, l => l[1] == rig.SmtpUserName && l[2] == rig.SmtpPassword);
        Assert.NotEmpty(rig.Secrets().FindIn(rig.Tap.ClientLines));

        await ReadEverythingAsync(rig);
        await ProvokeFailuresAsync(rig);

        output.WriteLine($"{rig.Logs.Lines.Count} log lines, {rig.Answers.Exchanges.Count} answers, {events.Count} stream events scanned");
        AssertTheLogIsWorthScanning(rig);
        Assert.Contains(rig.Logs.Lines, l => l.Message.Contains("sent by Email", StringComparison.Ordinal));
        Assert.Contains(rig.Logs.Lines, l => l.Message.Contains("sent by Webhook", StringComparison.Ordinal) && l.Message.Contains("in 2 attempt(s)", StringComparison.Ordinal));
        Assert.Contains(rig.Logs.Lines, l => l.Message.Contains("HTTP 500", StringComparison.Ordinal) && l.Message.Contains("retrying", StringComparison.Ordinal));
        Assert.Contains(rig.Logs.Lines, l => l.Message.Contains($"127.0.0.1:{rig.DeadPort}", StringComparison.Ordinal) && l.Message.Contains("connection refused", StringComparison.Ordinal));
        Assert.Contains(rig.Logs.Lines, l => l.Level >= LogLevel.Error && l.Everything.Contains("exception:", StringComparison.Ordinal));
        Assert.True(rig.Answers.Exchanges.Count >= 40, $"only {rig.Answers.Exchanges.Count} answers were kept");
        rig.AssertAnswersHoldNoSecret();
        var scan = rig.Secrets();
        Assert.All(events, e => scan.AssertAbsent($"stream event {e}", e.ToString()));
        rig.AssertLogsHoldNoSecret();
    }

    [Fact]
    public async Task AContactShowsThatItHasAWebhookSecretAndNeverTheSecret()
    {
        await using var rig = await SecretRig.StartAsync();
        await rig.PutServiceAsync("db", new { name = "Customer database" });

        var created = await rig.PutClientAsync(SecretRig.ClientId, ["db"], rig.EmailContact("alice"), rig.SignedContact(), rig.PlainContact());
        var byOps = await rig.GetOkAsync(rig.Ops, $"/api/v1/clients/{SecretRig.ClientId}");
        var byClient = await rig.GetOkAsync(rig.Client, $"/api/v1/clients/{SecretRig.ClientId}");
        var listed = (await rig.GetOkAsync(rig.Ops, "/api/v1/clients?limit=200")).GetProperty("items").EnumerateArray().Single(c => c.Str("id") == SecretRig.ClientId);

        // Sent again without the secret, the contact keeps the stored one; sent with an empty list, it has none.
        var kept = await rig.PutClientAsync(SecretRig.ClientId, ["db"], rig.EmailContact("alice"),
            new { id = "signed", name = "Signed hook", webhookUrl = rig.SignedUrl }, rig.PlainContact());
        foreach (var view in new[] { created, byOps, byClient, listed, kept })
        {
            var contacts = view.GetProperty("contacts").EnumerateArray().ToDictionary(c => c.Str("id"));
            Assert.Equal(["alice", "plain", "signed"], contacts.Keys.Order(StringComparer.Ordinal));
            Assert.False(contacts["alice"].GetProperty("hasWebhookSecret").GetBoolean());
            Assert.True(contacts["signed"].GetProperty("hasWebhookSecret").GetBoolean());
            Assert.True(contacts["plain"].GetProperty("hasWebhookSecret").GetBoolean());
            Assert.Equal(rig.SignedUrl, contacts["signed"].Str("webhookUrl"));
            Assert.All(contacts.Values, c => Assert.False(c.TryGetProperty("webhookSecret", out _), $"contact {c} has a webhookSecret property"));
            Assert.All(contacts.Values, c => Assert.False(c.TryGetProperty("secret", out _), $"contact {c} has a secret property"));
        }

        await rig.RecordAsync("db", "down");
        await Eventually.HoldsAsync(() => rig.Signed.Successes >= 1, "the webhook of the outage");
        Assert.True(Verifies(rig.Signed.Requests[^1], rig.SignedSecret), "the contact sent again without its secret still signs with the stored one");
        rig.AssertAnswersHoldNoSecret();
        rig.AssertLogsHoldNoSecret();
    }

    [Fact]
    public async Task AnUnreachableSmtpRelayIsLoggedWithoutItsCredentials()
    {
        await using var rig = await SecretRig.StartAsync(smtpReachable: false);
        await rig.PutServiceAsync("db", new { name = "Customer database" });
        await rig.PutClientAsync(SecretRig.ClientId, ["db"], rig.EmailContact("alice"));

        await rig.RecordAsync("db", "down");

        await Eventually.HoldsAsync(async () => (await rig.NoticesAsync()) is [var only] && only.Str("state") == "failed", "the email notice to fail");
        var notice = (await rig.NoticesAsync()).Single();
        Assert.Equal(3, notice.GetProperty("attempts").GetInt32());
        Assert.Contains("connection refused", notice.Str("lastError"), StringComparison.Ordinal);
        await rig.GetOkAsync(rig.Ops, "/api/v1/notices/failed");
        await rig.GetOkAsync(rig.Client, $"/api/v1/clients/{SecretRig.ClientId}/notices");
        Assert.Contains(rig.Logs.Lines, l => l.Message.Contains("smtp://127.0.0.1:", StringComparison.Ordinal) && l.Message.Contains("connection refused", StringComparison.Ordinal));
        Assert.Contains(rig.Logs.Lines, l => l.Message.Contains("by Email", StringComparison.Ordinal) && l.Message.Contains("failed after 3 attempt(s)", StringComparison.Ordinal));
        AssertTheLogIsWorthScanning(rig);
        rig.AssertAnswersHoldNoSecret();
        rig.AssertLogsHoldNoSecret();
    }

    [Fact]
    public async Task ThePagesSignInKeysAndTheCookiesTheyBecomeStayOutOfAnswersAndLogs()
    {
        await using var rig = await SecretRig.StartAsync();
        await rig.PutServiceAsync("db", new { name = "Customer database" });
        await rig.PutClientAsync(SecretRig.ClientId, ["db"], rig.EmailContact("alice"));
        var jar = new CookieContainer();
        using var browser = rig.Caller(null, new Jar(jar));

        using (var ops = await browser.GetAsync($"/ops?key={Uri.EscapeDataString(rig.OpsKey)}"))
        using (var status = await browser.GetAsync($"/status/{SecretRig.ClientId}?key={Uri.EscapeDataString(rig.ClientKey)}"))
        using (var wrong = await browser.GetAsync($"/ops?key={Uri.EscapeDataString(rig.WrongKey)}"))
        {
            Assert.Equal((HttpStatusCode.Redirect, "/ops"), (ops.StatusCode, ops.Headers.Location?.OriginalString));
            Assert.Equal((HttpStatusCode.Redirect, $"/status/{SecretRig.ClientId}"), (status.StatusCode, status.Headers.Location?.OriginalString));
            Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        }

        var cookies = jar.GetAllCookies().ToDictionary(c => c.Name, c => c.Value);
        Assert.Equal(["uc_client", "uc_ops"], cookies.Keys.Order(StringComparer.Ordinal));
        using (var page = await browser.GetAsync("/ops"))
        using (var statusPage = await browser.GetAsync($"/status/{SecretRig.ClientId}"))
        {
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (page.StatusCode, statusPage.StatusCode));
        }

        await rig.GetOkAsync(browser, "/api/v1/clients?limit=200");
        await rig.GetOkAsync(browser, $"/api/v1/clients/{SecretRig.ClientId}/status");
        await using (var stream = await SseReader.OpenAsync(browser))
        {
            await rig.RecordAsync("db", "down");
            var changed = await stream.NextEventAsync("service.status", _ => true, TimeSpan.FromSeconds(15));
            Assert.All(stream.Seen, m => rig.Secrets().AssertAbsent($"stream message {m}", m.ToString()));
            Assert.Contains("db", changed.Data, StringComparison.Ordinal);
        }

        using (var forged = new HttpRequestMessage(HttpMethod.Get, "/api/v1/clients"))
        {
            forged.Headers.Add("Cookie", $"uc_ops={cookies["uc_ops"]}x");
            using var bare = rig.Caller(null);
            using var refused = await bare.SendAsync(forged);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using (var signOut = new HttpRequestMessage(HttpMethod.Post, "/ops/sign-out"))
        {
            signOut.Headers.Add("X-Uptime-Page", "1");
            using var signedOut = await browser.SendAsync(signOut);
            Assert.Equal(HttpStatusCode.OK, signedOut.StatusCode);
        }

        AssertTheLogIsWorthScanning(rig);
        Assert.Contains(rig.Logs.Lines, l => l.Category.StartsWith("Microsoft.AspNetCore.Authentication", StringComparison.Ordinal));
        var withCookies = rig.LogSecrets().Add("ops page cookie", cookies["uc_ops"]).Add("client page cookie", cookies["uc_client"]);
        Assert.All(rig.Answers.Exchanges, a => withCookies.AssertAbsent($"the headers of {a}", a.Headers));
        Assert.All(rig.Answers.Exchanges, a => withCookies.AssertAbsent($"the body of {a}", a.Body));
        rig.AssertAnswersHoldNoSecret();
        Assert.All(rig.Logs.Lines, l => withCookies.AssertAbsent($"log line {l.Level} {l.Category}[{l.EventId.Id}]", l.Everything));
    }

    [Fact]
    public async Task TheTokensOfFeedbackLinksStayOutOfTheLogs()
    {
        await using var rig = await SecretRig.StartAsync(settings: new() { ["Notifications:FollowUpDelay"] = "PT1S", ["Notifications:SurveyDelay"] = "PT1H" });
        await rig.PutServiceAsync("db", new { name = "Customer database" });
        await rig.PutClientAsync(SecretRig.ClientId, ["db"], rig.EmailContact("alice"), rig.SignedContact());
        await rig.RecordAsync("db", "down");
        await Eventually.HoldsAsync(() => rig.Signed.Successes >= 1, "the outage's webhook");
        var open = (await rig.GetOkAsync(rig.Ops, "/api/v1/incidents")).GetProperty("items")[0].Str("id");
        using (var resolve = await rig.Ops.PostAsync($"{CoordinatorClient.IncidentPath(open)}/resolve", Json.Content(new
        {
            by = "Alice", summary = "Restarted the database.", actionsTaken = new[] { "Restarted it" }, timeSpentMinutes = 5,
        })))
        {
            Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);
        }

        await rig.RecordAsync("db", "up");
        await Eventually.HoldsAsync(
            () => rig.Signed.Requests.Any(r => Type(r) == "incident.followup") && rig.Smtp.Messages.Any(IsFollowUp),
            "the follow-ups by webhook and by email");
        var hook = rig.Signed.Requests.Last(r => Type(r) == "incident.followup");
        var feedback = JsonDocument.Parse(hook.Body).RootElement.GetProperty("data").GetProperty("feedback");
        var hookToken = feedback.Str("token");
        var mailToken = Uri.UnescapeDataString(TokenInLink().Match(rig.Smtp.Messages.Last(IsFollowUp).TextBody ?? "").Groups[1].Value);
        var incidentId = JsonDocument.Parse(hook.Body).RootElement.GetProperty("data").Str("incidentId");
        Assert.NotEqual(hookToken, mailToken);

        using (var page = await rig.Anonymous.GetAsync(new Uri(feedback.Str("url")).PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        using (var form = await rig.Anonymous.PostAsync("/feedback", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["incident"] = incidentId, ["client"] = SecretRig.ClientId, ["contact"] = "alice", ["token"] = mailToken, ["fixed"] = "yes", ["rating"] = "5",
        })))
        {
            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        }

        using (var forged = await rig.Anonymous.PostAsync($"{CoordinatorClient.IncidentPath(incidentId)}/feedback",
            Json.Content(new { clientId = SecretRig.ClientId, contactId = "signed", fixedConfirmed = true, token = hookToken[..^2] + "xx" })))
        {
            Assert.True((int)forged.StatusCode is >= 400 and < 500, $"a forged token: {(int)forged.StatusCode}");
        }

        using (var answer = await rig.Anonymous.PostAsync($"{CoordinatorClient.IncidentPath(incidentId)}/feedback",
            Json.Content(new { clientId = SecretRig.ClientId, contactId = "signed", fixedConfirmed = true, rating = 4, token = hookToken })))
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        Assert.Equal(2, (await rig.GetOkAsync(rig.Ops, CoordinatorClient.IncidentPath(incidentId))).GetProperty("feedback").GetArrayLength());
        AssertTheLogIsWorthScanning(rig);
        Assert.Contains(rig.Logs.Lines, l => l.Everything.Contains("/feedback", StringComparison.Ordinal));
        var tokens = rig.LogSecrets().Add("webhook contact's feedback token", hookToken).Add("email contact's feedback token", mailToken);
        Assert.All(rig.Logs.Lines, l => tokens.AssertAbsent($"log line {l.Level} {l.Category}[{l.EventId.Id}]", l.Everything));
        rig.AssertAnswersHoldNoSecret();
    }

    [Fact]
    public async Task TheDashboardShowsNoSecretInTheStateOfAnyGrain()
    {
        await using var rig = await SecretRig.StartAsync();
        await rig.PutServiceAsync("db", new { name = "Customer database" });
        await rig.PutClientAsync(SecretRig.ClientId, ["db"], rig.EmailContact("alice"), rig.SignedContact());
        await rig.RecordAsync("db", "down");
        await Eventually.HoldsAsync(() => rig.Signed.Successes >= 1, "the outage's webhook");
        var incidentId = (await rig.GetOkAsync(rig.Ops, "/api/v1/incidents")).GetProperty("items")[0].Str("id");

        // The dashboard's grain state view calls a grain's parameterless methods that return its state type
        // or are named GetState: whatever a grain offers that way, for the ids in play, must hold no secret.
        var types = (await rig.GetOkAsync(rig.Ops, "/dashboard/GrainTypes")).EnumerateArray().Select(t => t.GetString()!).ToList();
        Assert.Contains(types, t => t.EndsWith(".ClientGrain", StringComparison.Ordinal));
        var shown = 0;
        foreach (var type in types)
        {
            foreach (var id in new[] { SecretRig.ClientId, "db", incidentId, "0" })
            {
                var state = (await rig.GetOkAsync(rig.Ops, $"/dashboard/GrainState?grainId={Uri.EscapeDataString(id)}&grainType={Uri.EscapeDataString(type)}")).GetString() ?? "";
                shown += state.Length > 2 ? 1 : 0;
            }
        }

        output.WriteLine($"{types.Count} grain types, {shown} non-empty states");
        rig.AssertAnswersHoldNoSecret();
    }

    private static bool IsFollowUp(MimeKit.MimeMessage message) => message.Headers["X-Uptime-Notice-Kind"] == "incident.followup";

    private static string Type(Delivery.Tests.Support.ReceivedWebhook hook) =>
        JsonDocument.Parse(hook.Body).RootElement.GetProperty("type").GetString()!;

    /// <summary>Standard Webhooks, checked here from the specification rather than trusted from the receiver.</summary>
    private static bool Verifies(Delivery.Tests.Support.ReceivedWebhook hook, string secret)
    {
        var key = secret.StartsWith("whsec_", StringComparison.Ordinal) ? Convert.FromBase64String(secret["whsec_".Length..]) : Encoding.UTF8.GetBytes(secret);
        var expected = Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(key, (byte[])[.. Encoding.UTF8.GetBytes($"{hook.Id}.{hook.Timestamp}."), .. hook.Body]));
        return hook.SignatureVerified && (hook.Signature ?? "").Split(' ').Contains($"v1,{expected}");
    }

    /// <summary>At least <paramref name="count"/> events of the stream, whatever their kind.</summary>
    private static async Task<List<SseMessage>> ReadEventsAsync(SseReader stream, int count)
    {
        var events = new List<SseMessage>();
        while (events.Count < count)
        {
            var message = await stream.NextAsync(TimeSpan.FromSeconds(15));
            if (message.IsEvent)
            {
                events.Add(message);
            }
        }

        return events;
    }

    /// <summary>Every reading endpoint, as ops, as the client, as the monitor and with a key nobody configured.</summary>
    private static async Task ReadEverythingAsync(SecretRig rig)
    {
        var clientPaths = new[] { "", "/status", "/notices?limit=200", "/services", "/uptime", "/cost", "/sla", "/sla?format=csv" }
            .Select(p => $"/api/v1/clients/{SecretRig.ClientId}{p}").ToArray();
        foreach (var path in clientPaths)
        {
            await rig.GetOkAsync(rig.Ops, path);
            await rig.GetOkAsync(rig.Client, path);
        }

        var incidentId = (await rig.GetOkAsync(rig.Ops, "/api/v1/incidents?state=all")).GetProperty("items")[0].Str("id");
        foreach (var path in new[]
                 {
                     "/api/v1/clients?limit=200", "/api/v1/notices/failed", "/api/v1/services", "/api/v1/services/db", "/api/v1/services/checkout",
                     "/api/v1/incidents?state=all&include=cost", CoordinatorClient.IncidentPath(incidentId), "/api/v1/incidents/stats",
                     "/api/v1/costs", "/api/v1/maintenance", "/openapi/v1.json", "/metrics", "/healthz", "/readyz",
                     "/dashboard/", "/dashboard/DashboardCounters", "/dashboard/ClusterStats", "/dashboard/Reminders", "/dashboard/TopGrainMethods",
                     "/dashboard/GrainTypes", "/dashboard/LifecycleStages",
                 })
        {
            await rig.GetOkAsync(rig.Ops, path);
        }

        await rig.GetOkAsync(rig.Client, "/api/v1/maintenance");
        await using (var clientStream = await SseReader.OpenAsync(rig.Client, lastEventId: "0"))
        {
            var seen = await ReadEventsAsync(clientStream, 2);
            Assert.All(seen, e => rig.Secrets().AssertAbsent($"the client's stream event {e}", e.ToString()));
        }

        using var wrong = rig.Caller(rig.WrongKey);
        using var wrongHeader = rig.Caller(null);
        wrongHeader.DefaultRequestHeaders.Add("X-Api-Key", rig.WrongKey);
        foreach (var caller in new[] { wrong, wrongHeader })
        {
            foreach (var path in new[] { "/api/v1/clients", clientPaths[0], "/api/v1/stream", "/dashboard/", "/api/v1/notices/failed" })
            {
                using var refused = await caller.GetAsync(path);
                await Problem.AssertAsync(refused, HttpStatusCode.Unauthorized);
            }
        }

        using (var forbidden = await rig.Client.GetAsync("/api/v1/clients"))
        {
            await Problem.AssertAsync(forbidden, HttpStatusCode.Forbidden);
        }

        using (var monitor = await rig.Monitor.GetAsync(clientPaths[0]))
        {
            await Problem.AssertAsync(monitor, HttpStatusCode.Forbidden);
        }
    }

    /// <summary>Requests that fail while a secret is in them: a validation problem, and a write the storage refuses.</summary>
    private static async Task ProvokeFailuresAsync(SecretRig rig)
    {
        using (var invalid = await rig.Ops.PutAsync("/api/v1/clients/globex", Json.Content(new
        {
            name = "Globex",
            timeZone = "Mars/Olympus",
            contacts = new object[]
            {
                new { id = "hook", name = "Hook", webhookUrl = "ftp://example.com/hook", webhookSecret = rig.SignedSecret },
                new { id = "bad-secret", name = "Hook", webhookUrl = rig.SignedUrl, webhookSecret = "whsec_" + rig.PlainSecret },
            },
        })))
        {
            await Problem.AssertAsync(invalid, HttpStatusCode.BadRequest);
        }

        using (var malformed = await rig.Ops.PutAsync("/api/v1/clients/globex", Json.Raw(
            $"{{\"name\":\"Globex\",\"contacts\":[{{\"id\":\"hook\",\"webhookSecret\":\"{rig.SignedSecret}\",\"webhookUrl\":{{\"x\":1}}}}]}}")))
        {
            await Problem.AssertAsync(malformed, HttpStatusCode.BadRequest);
        }

        rig.Storage.FailWrites = true;
        try
        {
            using var refused = await rig.Ops.PutAsync("/api/v1/clients/initech", Json.Content(new
            {
                name = "Initech",
                timeZone = "UTC",
                subscriptions = new[] { new { serviceId = "db" } },
                contacts = new[] { new { id = "hook", name = "Hook", webhookUrl = rig.SignedUrl, webhookSecret = rig.SignedSecret } },
            }));
            Assert.True(refused.StatusCode is HttpStatusCode.InternalServerError or HttpStatusCode.ServiceUnavailable, $"a refused write: {(int)refused.StatusCode}");
            await Problem.AssertAsync(refused, refused.StatusCode);
        }
        finally
        {
            rig.Storage.FailWrites = false;
        }
    }

    /// <summary>The scan can only fail if the recorder heard the host: many lines, from the host's own code, ASP.NET Core and Orleans.</summary>
    private static void AssertTheLogIsWorthScanning(SecretRig rig)
    {
        var lines = rig.Logs.Lines;
        Assert.True(lines.Count >= 200, $"only {lines.Count} log lines were recorded");
        Assert.Contains(lines, l => l.Category.StartsWith("UptimeCoordinator.", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Category.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal) && l.Level == LogLevel.Information);
        Assert.Contains(lines, l => l.Category.StartsWith("Orleans", StringComparison.Ordinal) && l.Level <= LogLevel.Debug);
        Assert.Contains(lines, l => l.Everything.Contains("RequestPath=", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"[?&]token=([^\s&]+)", RegexOptions.CultureInvariant)]
    private static partial Regex TokenInLink();

    /// <summary>Keeps cookies across requests as a browser does.</summary>
    private sealed class Jar(CookieContainer cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            if (cookies.GetCookieHeader(uri) is { Length: > 0 } header)
            {
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var lines))
            {
                foreach (var line in lines)
                {
                    cookies.SetCookies(uri, line);
                }
            }

            return response;
        }
    }
}
