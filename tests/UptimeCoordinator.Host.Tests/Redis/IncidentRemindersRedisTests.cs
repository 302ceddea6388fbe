using System.Diagnostics;
using System.Net;
using System.Text.Json;
using UptimeCoordinator.Delivery.Tests.Support;
using UptimeCoordinator.Host.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UptimeCoordinator.Host.Tests.Redis;

/// <summary>
/// An incident's scheduled steps after resolution, the follow-up that closes it and the survey, are
/// persisted with a reminder in Redis: they still happen, once each, when the only host dies before
/// they are due and a fresh one takes over.
/// </summary>
public sealed class IncidentRemindersRedisTests(ITestOutputHelper output)
{
    private const string KindHeader = "X-Uptime-Notice-Kind";
    private static readonly TimeSpan FollowUpDelay = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan SurveyDelay = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan StepsTimeout = TimeSpan.FromSeconds(90);

    [SkippableFact]
    public async Task FollowUpAndSurveyArriveOnceEachAfterTheOnlyHostIsKilledBeforeTheyAreDue()
    {
        var redisServer = RedisServer.RequireExecutable();
        var clock = Stopwatch.StartNew();
        await using var redis = await RedisServer.StartAsync(redisServer, TimeSpan.FromSeconds(15));
        await using var smtp = new SmtpTestServer();
        var run = Guid.NewGuid().ToString("N")[..12];

        // The fresh host is a new deployment: its own ClusterId, the same ServiceId, under which grain
        // state and reminders are kept (see RedisClusterTests for why the ClusterId changes).
        var firstHost = new HostSettings(redis.ConnectionString, $"uc-test-{run}-a", $"uc-redis-{run}", $"redistest{run}")
        {
            Environment = new Dictionary<string, string>
            {
                ["Notifications__Smtp__Host"] = "127.0.0.1",
                ["Notifications__Smtp__Port"] = $"{smtp.Port}",
                ["Notifications__Smtp__UseTls"] = "false",
                ["Notifications__Smtp__From"] = "status@uptime.example",
                ["Notifications__FollowUpDelay"] = "PT15S",
                ["Notifications__SurveyDelay"] = "PT20S",
            },
        };
        var freshHost = firstHost with { ClusterId = $"uc-test-{run}-b" };

        await using var hosts = new HostGroup(redis);
        try
        {
            var a = await StartAsync(hosts, firstHost, "A");
            var serviceId = $"checkout-{run}";
            await a.SendJsonAsync(HttpMethod.Put, $"api/v1/services/{serviceId}", new { name = "Checkout (reminder test)" }, HttpStatusCode.Created);
            var clientId = $"acme-{run}";
            await a.SendJsonAsync(HttpMethod.Put, $"api/v1/clients/{clientId}", new
            {
                name = "Acme",
                timeZone = "Europe/Berlin",
                subscriptions = new[] { new { serviceId, impact = 1.0 } },
                contacts = new[] { new { id = "alice", name = "Alice", email = "alice@acme.example" } },
            }, HttpStatusCode.Created);

            await a.SendJsonAsync(HttpMethod.Post, "api/v1/events",
                new { serviceId, status = "down", check = "http", source = "redis-test", eventId = $"down-{run}" },
                HttpStatusCode.Accepted);
            await Eventually.HoldsAsync(() => Kinds(smtp) is ["incident.detected"], "the outage email");
            var down = await a.SendJsonAsync(HttpMethod.Get, $"api/v1/services/{serviceId}", null, HttpStatusCode.OK);
            var incidentId = down.GetProperty("openIncidentId").GetString()!;
            var incidentPath = $"api/v1/incidents/{Uri.EscapeDataString(incidentId)}";

            var resolved = await a.SendJsonAsync(HttpMethod.Post, $"{incidentPath}/resolve", new
            {
                by = "oncall",
                summary = "Restarted the payment gateway.",
                actionsTaken = new[] { "x" },
                timeSpentMinutes = 10,
                followUps = Array.Empty<string>(),
            }, HttpStatusCode.OK);
            Assert.Equal("resolved", resolved.GetProperty("stage").GetString());
            var resolvedAt = resolved.GetProperty("resolvedAt").GetDateTimeOffset();
            var followUpDue = resolvedAt + FollowUpDelay;
            var surveyDue = resolvedAt + SurveyDelay;

            await Eventually.HoldsAsync(() => Kinds(smtp) is ["incident.detected", "incident.resolved"], "the resolution email");
            Assert.StartsWith("Resolved", smtp.Messages[1].Subject, StringComparison.Ordinal);

            // Killed only once the outbox has recorded both as sent: a resent resolution is not what this test is about.
            await Eventually.HoldsAsync(async () => NoticeStates(await a.SendJsonAsync(HttpMethod.Get, $"api/v1/clients/{clientId}/notices", null, HttpStatusCode.OK)) is ["sent", "sent"],
                "both notices recorded as sent");
            var killedAhead = followUpDue - DateTimeOffset.UtcNow;
            Assert.True(killedAhead > TimeSpan.FromSeconds(5), $"The host would be killed only {killedAhead.TotalSeconds:0.0} s before the follow-up is due.");
            await a.KillAsync();
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: incident {incidentId} resolved; host A killed {killedAhead.TotalSeconds:0.0} s before the follow-up is due");

            // Nothing touches the incident from here on: only its reminder, read from Redis, can wake it.
            var b = await StartAsync(hosts, freshHost, "B");
            var followUpArrived = await WaitForEmailAsync(smtp, b, "incident.followup", clock);
            var surveyArrived = await WaitForEmailAsync(smtp, b, "incident.survey", clock);

            // A repeated tick or a second wake-up would send its copy right behind the first.
            await Task.Delay(TimeSpan.FromSeconds(2));
            var closed = await b.SendJsonAsync(HttpMethod.Get, incidentPath, null, HttpStatusCode.OK);
            Assert.Equal("closed", closed.GetProperty("stage").GetString());
            var followUpSentAt = closed.GetProperty("followUpSentAt").GetDateTimeOffset();
            var surveySentAt = closed.GetProperty("surveySentAt").GetDateTimeOffset();
            Assert.True(followUpSentAt >= followUpDue, $"The follow-up was taken at {followUpSentAt:O}, before it was due at {followUpDue:O}.");
            Assert.True(surveySentAt >= surveyDue, $"The survey was taken at {surveySentAt:O}, before it was due at {surveyDue:O}.");
            var stepsLine = $"Incident {incidentId}: scheduled steps due";
            Assert.True(b.Log.Contains(stepsLine), "The fresh host B does not log that it took the incident's scheduled steps.");
            Assert.False(a.Log.Contains(stepsLine), "The killed host A took a scheduled step before it died.");

            var messages = smtp.Messages;
            Assert.Equal(["incident.detected", "incident.resolved", "incident.followup", "incident.survey"], Kinds(smtp));
            Assert.Equal(messages.Count, messages.Select(m => m.MessageId).Distinct().Count());
            var followUp = messages.Single(m => m.Headers[KindHeader] == "incident.followup");
            var survey = messages.Single(m => m.Headers[KindHeader] == "incident.survey");
            foreach (var message in new[] { followUp, survey })
            {
                Assert.Equal("alice@acme.example", Assert.Single(message.To.Mailboxes).Address);
                Assert.Contains(incidentId, message.Headers["X-Uptime-Notice-Id"], StringComparison.Ordinal);
            }

            Assert.StartsWith("Is it working for you now?", followUp.Subject, StringComparison.Ordinal);
            Assert.StartsWith("How did we do?", survey.Subject, StringComparison.Ordinal);
            Assert.Contains("from 1 (poor) to 5 (excellent)", survey.TextBody, StringComparison.Ordinal);
            var notices = NoticeStates(await b.SendJsonAsync(HttpMethod.Get, $"api/v1/clients/{clientId}/notices", null, HttpStatusCode.OK));
            Assert.True(notices is ["sent", "sent", "sent", "sent"], $"The outbox holds notices in states {string.Join(", ", notices)}, not four sent.");

            output.WriteLine($"follow-up: taken {(followUpSentAt - followUpDue).TotalSeconds:0.00} s and delivered {(followUpArrived - followUpDue).TotalSeconds:0.00} s after it was due");
            output.WriteLine($"survey: taken {(surveySentAt - surveyDue).TotalSeconds:0.00} s and delivered {(surveyArrived - surveyDue).TotalSeconds:0.00} s after it was due");
        }
        catch (Exception ex) when (ex is not Xunit.SkipException)
        {
            throw await hosts.FailureWithLogsAsync(ex);
        }

        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s in all");
    }

    private async Task<HostProcess> StartAsync(HostGroup hosts, HostSettings settings, string name)
    {
        var (host, ready) = await hosts.StartAsync(settings, name);
        output.WriteLine($"host {name} (cluster {settings.ClusterId}) ready after {ready.TotalSeconds:0.0} s");
        return host;
    }

    /// <summary>Waits for the first email of <paramref name="kind"/>, noting progress every 5 s; returns when it arrived.</summary>
    private async Task<DateTimeOffset> WaitForEmailAsync(SmtpTestServer smtp, HostProcess host, string kind, Stopwatch clock)
    {
        var waiting = Stopwatch.StartNew();
        var nextNote = TimeSpan.Zero;
        while (!Kinds(smtp).Contains(kind))
        {
            if (waiting.Elapsed >= nextNote)
            {
                var progress = $"{clock.Elapsed.TotalSeconds:0.0} s: waiting for {kind}; received so far: {string.Join(", ", Kinds(smtp))}";
                output.WriteLine(progress);
                host.Log.Note(progress);
                nextNote += TimeSpan.FromSeconds(5);
            }

            Assert.True(waiting.Elapsed < StepsTimeout, $"not within {StepsTimeout.TotalSeconds:0} s: the {kind} email");
            await Task.Delay(20);
        }

        var arrived = DateTimeOffset.UtcNow;
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: {kind} arrived");
        return arrived;
    }


    private static string[] Kinds(SmtpTestServer smtp) => [.. smtp.Messages.Select(m => m.Headers[KindHeader] ?? "")];

    private static string?[] NoticeStates(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("state").GetString())];
}
