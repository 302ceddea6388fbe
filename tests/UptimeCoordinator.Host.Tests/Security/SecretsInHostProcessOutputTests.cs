using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using UptimeCoordinator.Delivery.Tests.Support;
using UptimeCoordinator.Host.Tests.Infrastructure;
using UptimeCoordinator.Host.Tests.Redis;
using Xunit.Abstractions;

namespace UptimeCoordinator.Host.Tests.Security;

/// <summary>
/// Issue 11, item 7, on the host as deployed: a real process on its own Redis, logging at Debug to
/// the console with scopes, sends one outage's notices with an SMTP password and a webhook secret in
/// play; what it wrote to stdout and stderr holds neither, nor any API key it was called with.
/// </summary>
public sealed class SecretsInHostProcessOutputTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task AHostProcessLoggingAtDebugWritesNoSecretToItsOutput()
    {
        var redisServer = RedisServer.RequireExecutable();
        await using var redis = await RedisServer.StartAsync(redisServer, TimeSpan.FromSeconds(15));
        await using var smtp = new SmtpTestServer();
        await using var tap = new SecretSmtpTap(smtp.Port);
        var secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var receiver = await WebhookReceiver.StartAsync(secret);
        var run = Guid.NewGuid().ToString("N");
        var (opsKey, clientKey, wrongKey) = ($"ops-key-{run}", $"client-key-{run}", $"wrong-key-{run}");
        var (user, password) = ($"smtp-user-{run}", $"smtp-password-{run}");
        var hookPath = $"/hooks/path-token-{run}";
        var settings = new HostSettings(redis.ConnectionString, $"uc-secrets-{run[..12]}", $"uc-secrets-{run[..12]}", opsKey)
        {
            Environment = new Dictionary<string, string>
            {
                [$"Auth__ApiKeys__{clientKey}"] = "client:acme",
                ["Notifications__Smtp__Host"] = "127.0.0.1",
                ["Notifications__Smtp__Port"] = $"{tap.Port}",
                ["Notifications__Smtp__UseTls"] = "false",
                ["Notifications__Smtp__From"] = "status@uptime.example",
                ["Notifications__Smtp__UserName"] = user,
                ["Notifications__Smtp__Password"] = password,
                ["Notifications__Webhooks__AllowPrivateNetworks"] = "true",
                ["Logging__LogLevel__Default"] = "Debug",
                ["Logging__LogLevel__Microsoft.AspNetCore"] = "Debug",
                ["Logging__LogLevel__Orleans"] = "Debug",
                ["Logging__LogLevel__Polly"] = "Debug",
                ["Logging__Console__FormatterOptions__IncludeScopes"] = "true",
                ["Logging__Console__IncludeScopes"] = "true",
            },
        };

        var host = HostProcess.Start("secrets", settings);
        await using (host)
        {
            await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
            await host.SendJsonAsync(HttpMethod.Put, "api/v1/services/db", new { name = "Customer database" }, HttpStatusCode.Created);
            await host.SendJsonAsync(HttpMethod.Put, "api/v1/clients/acme", new
            {
                name = "Acme",
                timeZone = "Europe/Berlin",
                subscriptions = new[] { new { serviceId = "db", impact = 1.0 } },
                contacts = new object[]
                {
                    new { id = "alice", name = "Alice", email = "alice@acme.example" },
                    new { id = "hook", name = "Hook", webhookUrl = receiver.UrlFor(hookPath).ToString(), webhookSecret = secret },
                },
            }, HttpStatusCode.Created);
            try
            {
                // The resolution waits for the outage's notices: an outage over before they left withdraws them.
                foreach (var (status, delivered) in new[] { ("down", 1), ("up", 2) })
                {
                    await host.SendJsonAsync(HttpMethod.Post, "api/v1/events",
                        new { serviceId = "db", status, check = "http", source = "secrets-test", eventId = $"{status}-{run}" }, HttpStatusCode.Accepted);
                    await Eventually.HoldsAsync(() => smtp.Messages.Count >= delivered && receiver.Successes >= delivered, $"{status}: the notices by email and by webhook", seconds: 60);
                }
            }
            catch
            {
                output.WriteLine(host.Log.ToString());
                throw;
            }

            var read = await host.SendJsonAsync(HttpMethod.Get, "api/v1/clients/acme", null, HttpStatusCode.OK);
            Assert.Contains(read.GetProperty("contacts").EnumerateArray(), c => c.GetProperty("hasWebhookSecret").GetBoolean());
            using (var asClient = new HttpClient { BaseAddress = host.Client.BaseAddress })
            {
                asClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", clientKey);
                using var own = await asClient.GetAsync(new Uri("api/v1/clients/acme", UriKind.Relative));
                using var opsOnly = await asClient.GetAsync(new Uri("api/v1/clients", UriKind.Relative));
                Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Forbidden), (own.StatusCode, opsOnly.StatusCode));
                Assert.DoesNotContain(secret, await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            using (var wrong = new HttpClient { BaseAddress = host.Client.BaseAddress })
            {
                wrong.DefaultRequestHeaders.Add("X-Api-Key", wrongKey);
                using var refused = await wrong.GetAsync(new Uri("api/v1/clients", UriKind.Relative));
                Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            }

            Assert.All(receiver.Requests, r => Assert.True(r.SignatureVerified, $"webhook {r.Id} is not signed with the contact's secret"));
            Assert.Contains(tap.PlainLogins, l => l[1] == user && l[2] == password);
            await Eventually.HoldsAsync(() => host.Log.Contains("sent by Webhook") && host.Log.Contains("sent by Email"), "the host to log both deliveries");
        }

        var text = host.Log.ToString();
        output.WriteLine($"{text.Split('\n').Length} lines of output scanned");
        Assert.True(text.Split('\n').Length >= 100, $"the host wrote only {text.Split('\n').Length} lines:\n{text}");
        Assert.Contains("dbug:", text, StringComparison.Ordinal);
        Assert.Contains("RequestPath:", text, StringComparison.Ordinal);
        var scan = new SecretScan()
            .Add("ops key", opsKey).Add("client key", clientKey).Add("wrong key", wrongKey)
            .Add("SMTP user name", user).Add("SMTP password", password)
            .Add("webhook secret", secret).Add("webhook path token", hookPath["/hooks/".Length..])
            .AddEncoded("SMTP AUTH PLAIN argument", Encoding.UTF8.GetBytes($"\0{user}\0{password}"));
        scan.AssertAbsent("the host process's output", text);
    }
}
