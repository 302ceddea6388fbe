using System.Diagnostics;
using System.Net;
using UptimeCoordinator.Delivery.Tests.Support;
using UptimeCoordinator.Host.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UptimeCoordinator.Host.Tests.Redis;

/// <summary>
/// Stop everything at once, both hosts of the cluster and Redis, with every kind of state pending
/// together, and start it all again: a fresh pair of hosts finds the open incident, the outbox, the
/// SLA and cost history and the reminders of the follow-up and the maintenance window as they were,
/// and carries each pending thing through exactly once.
/// </summary>
[Collection(FaultInjectionCollection.Name)]
public sealed class ClusterRestartTests(ITestOutputHelper output)
{
    private const string KindHeader = RestartScenario.KindHeader;

    // Longer than building the state and the restart take together, so that both come due only when
    // the fresh pair is up and nothing but their reminders can wake them. That took 26 s here, with
    // each pair 20-25 s to ready on two busy cores.
    private static readonly TimeSpan FollowUpDelay = TimeSpan.FromSeconds(70);
    private static readonly TimeSpan WindowStartsAfterFollowUp = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RedisTimeout = TimeSpan.FromSeconds(15);

    private readonly Stopwatch _clock = Stopwatch.StartNew();

    [SkippableFact]
    public async Task AFreshPairFindsEverythingAsItWasAndCarriesOnAfterBothHostsAndRedisAreKilled()
    {
        var executable = RedisServer.RequireExecutable();
        await using var redis = await RedisServer.StartAsync(executable, RedisTimeout, RedisServer.FsyncAlways);
        await using var smtp = new SmtpTestServer();
        var run = Guid.NewGuid().ToString("N")[..12];
        var webhookPort = FreePorts.Next();
        var firstPair = new HostSettings(redis.ConnectionString, $"uc-test-{run}-a", $"uc-redis-{run}", $"redistest{run}")
        {
            Environment = new Dictionary<string, string>
            {
                ["Notifications__Smtp__Host"] = "127.0.0.1",
                ["Notifications__Smtp__Port"] = $"{smtp.Port}",
                ["Notifications__Smtp__UseTls"] = "false",
                ["Notifications__Smtp__From"] = "status@uptime.example",
                ["Notifications__Webhooks__AllowPrivateNetworks"] = "true",
                ["Notifications__FollowUpDelay"] = $"PT{FollowUpDelay.TotalSeconds:0}S",
                // The webhook target is down for the first minute: its notices must still be pending, not
                // failed, when it comes up, and retried soon after. The circuit opens only briefly.
                ["Notifications__Delivery__MaxAttempts"] = "100",
                ["Notifications__Delivery__FirstRetryDelay"] = "PT0.5S",
                ["Notifications__Delivery__BreakDuration"] = "PT1S",
                ["RateLimiting__OpsPerSecond"] = "0",
            },
        };
        var freshPair = firstPair with { ClusterId = $"uc-test-{run}-b" };
        var (openService, resolvedService, maintainedService) = ($"open-{run}", $"resolved-{run}", $"maintained-{run}");
        var clientId = $"acme-{run}";
        string[] Kinds() => [.. smtp.Messages.Select(m => m.Headers[KindHeader] ?? "")];

        var hosts = new HostGroup(redis);
        WebhookReceiver? webhooks = null;
        try
        {
            var (a, b, readyFirst) = await hosts.StartPairAsync(firstPair, "A", "B");
            Note($"hosts A and B ready after {readyFirst[0].TotalSeconds:0.0} s and {readyFirst[1].TotalSeconds:0.0} s");

            foreach (var service in new[] { openService, resolvedService, maintainedService })
            {
                await a.SendJsonAsync(HttpMethod.Put, $"api/v1/services/{service}", new { name = $"Service {service}" }, HttpStatusCode.Created);
            }

            await b.SendJsonAsync(HttpMethod.Put, $"api/v1/clients/{clientId}", new
            {
                name = "Acme",
                timeZone = "Etc/UTC",
                subscriptions = new[] { openService, resolvedService, maintainedService }.Select(s => new { serviceId = s, impact = 1.0 }),
                contacts = new object[]
                {
                    new { id = "alice", name = "Alice", email = "alice@acme.example" },
                    new { id = "bot", name = "Acme bot", webhookUrl = $"http://127.0.0.1:{webhookPort}/hooks/cluster-restart" },
                },
                costProfile = new { currency = "EUR", costPerHour = 1000 },
            }, HttpStatusCode.Created);

            // An outage that ended half an hour ago: its downtime is history, its follow-up is still to come.
            var now = Whole(DateTimeOffset.UtcNow);
            var (downSince, upSince) = (now.AddMinutes(-90), now.AddMinutes(-30));
            await a.SendJsonAsync(HttpMethod.Post, "api/v1/events",
                new { serviceId = resolvedService, status = "down", observedAt = downSince, check = "http", source = "restart-test", eventId = $"down-r-{run}" },
                HttpStatusCode.Accepted);
            var resolvedIncidentId = (await b.SendJsonAsync(HttpMethod.Get, $"api/v1/services/{resolvedService}", null, HttpStatusCode.OK))
                .GetProperty("openIncidentId").GetString()!;
            await Eventually.HoldsAsync(() => Kinds().Contains("incident.detected"), "the first outage email");

            // The follow-up counts from when the coordinator records the resolution, which is after this.
            var resolving = DateTimeOffset.UtcNow;
            var resolved = await b.SendJsonAsync(HttpMethod.Post, "api/v1/events",
                new { serviceId = resolvedService, status = "up", observedAt = upSince, check = "http", source = "restart-test", eventId = $"up-r-{run}" },
                HttpStatusCode.Accepted);
            Assert.Equal(1, resolved.GetProperty("accepted").GetInt32());

            // An outage still open, acknowledged with an ETA.
            await a.SendJsonAsync(HttpMethod.Post, "api/v1/events",
                new { serviceId = openService, status = "down", check = "http", source = "restart-test", eventId = $"down-o-{run}" },
                HttpStatusCode.Accepted);
            var openIncidentId = (await a.SendJsonAsync(HttpMethod.Get, $"api/v1/services/{openService}", null, HttpStatusCode.OK))
                .GetProperty("openIncidentId").GetString()!;
            var eta = Whole(DateTimeOffset.UtcNow.AddHours(2));
            var acknowledged = await b.SendJsonAsync(HttpMethod.Post, $"{ClusterRestartSnapshot.IncidentPath(openIncidentId)}/acknowledge",
                new { by = "Alice", eta, message = "Looking at the load balancers" }, HttpStatusCode.OK);
            Assert.Equal("acknowledged", acknowledged.GetProperty("stage").GetString());

            // A maintenance window that begins only after the restart.
            var followUpDue = resolving + FollowUpDelay;
            var windowStart = Whole(followUpDue + WindowStartsAfterFollowUp);
            var window = await a.SendJsonAsync(HttpMethod.Post, "api/v1/maintenance", new
            {
                serviceIds = new[] { maintainedService },
                start = windowStart,
                end = windowStart.AddMinutes(30),
                title = "Storage controller replacement",
                noticeLeadTimes = Array.Empty<string>(),
            }, HttpStatusCode.Created);
            var windowId = window.GetProperty("id").GetString()!;

            string[] toldByEmail = ["incident.detected", "incident.resolved", "incident.detected", "incident.acknowledged", "maintenance.scheduled"];
            await Eventually.HoldsAsync(() => Kinds().Order().SequenceEqual(toldByEmail.Order()), "the five emails before the restart");
            // The webhook target is down: its notices wait, pending, and the first of them has failed
            // attempts behind it. The bot's outage notice of the resolved incident may be superseded by
            // the resolution while it waits to retry; then the bot was never told, and is told nothing more of it. The outbox learns of attempts only when a dispatch ends, so the hosts' logs tell.
            bool Tried(string noticeId) => new[] { a, b }.Any(h => h.Log.Contains($"of notice {noticeId} to http://127.0.0.1:{webhookPort} failed"));
            var openDetectedByWebhook = $"{openIncidentId}:incident.detected:1:{clientId}:bot:webhook";
            await Eventually.HoldsAsync(async () =>
            {
                var notices = await ClusterRestartSnapshot.NoticesAsync(a, clientId);
                return notices.Count(n => n.Channel == "email" && n.State == "sent") == 5
                    && notices.Count(n => n.Channel == "webhook") >= 4
                    && notices.Where(n => n.Channel == "webhook").All(n => n.State is "pending" or "superseded")
                    && Tried(openDetectedByWebhook);
            }, "the emails recorded as sent, the webhook notices pending and failing");
            await Eventually.HoldsAsync(async () => (await a.SendJsonAsync(HttpMethod.Get, $"api/v1/maintenance/{windowId}", null, HttpStatusCode.OK))
                .GetProperty("notices").EnumerateArray().All(n => n.GetProperty("delivered").GetBoolean()), "the window's announcement delivered to the client");

            var subjects = new ClusterRestartSnapshot.Subjects(
                openIncidentId, resolvedIncidentId, windowId, clientId,
                ServicesWithClosedDowntime: [resolvedService, maintainedService],
                Month: downSince.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                CostFrom: new DateTimeOffset(downSince.Year, downSince.Month, 1, 0, 0, 0, TimeSpan.Zero),
                CostTo: Whole(DateTimeOffset.UtcNow));
            var before = await ClusterRestartSnapshot.TakeAsync(b, subjects);
            var pendingWebhooks = before.Notices.Where(n => n.Channel == "webhook" && n.State == "pending").Select(n => n.Id).ToArray();
            Assert.True(pendingWebhooks.Length >= 3, $"Only {pendingWebhooks.Length} webhook notices are pending before the restart.");
            var botToldItIsFixed = before.Notices.Any(n => n.Channel == "webhook" && n.Kind == "incident.resolved" && n.State == "pending");
            Assert.Contains("\"downMinutes\":60", before.SlaFixedParts, StringComparison.Ordinal);
            Note($"state built: incidents {openIncidentId} (acknowledged) and {resolvedIncidentId} (resolved), window {windowId}, "
                + $"{before.Notices.Count} notices ({string.Join(", ", before.Notices.Select(n => $"{n.Kind} {n.Channel} {n.State}"))}); "
                + $"follow-up due in {(followUpDue - DateTimeOffset.UtcNow).TotalSeconds:0.0} s");

            // Stop everything at once, as a power cut would: nothing is shut down cleanly.
            var stopped = Stopwatch.StartNew();
            await Task.WhenAll(a.KillAsync(), b.KillAsync(), redis.KillAsync());
            var redisBack = await redis.RestartAsync(RedisTimeout);
            var (c, d, readyFresh) = await hosts.StartPairAsync(freshPair, "C", "D");
            Note($"everything killed; Redis answering again after {redisBack.TotalSeconds:0.00} s; hosts C and D ready after "
                + $"{readyFresh[0].TotalSeconds:0.0} s and {readyFresh[1].TotalSeconds:0.0} s; {stopped.Elapsed.TotalSeconds:0.0} s from the kill");

            var after = await ClusterRestartSnapshot.TakeAsync(c, subjects);
            var afterOnD = await ClusterRestartSnapshot.TakeAsync(d, subjects);
            Assert.True(DateTimeOffset.UtcNow < followUpDue,
                $"The fresh pair was checked {(DateTimeOffset.UtcNow - followUpDue).TotalSeconds:0.0} s after the follow-up was due; raise {nameof(FollowUpDelay)}.");
            Assert.Equal(before.OpenIncident, after.OpenIncident);
            Assert.Equal(before.ResolvedIncident, after.ResolvedIncident);
            Assert.Equal(before.Window, after.Window);
            Assert.Equal(before.SlaFixedParts, after.SlaFixedParts);
            Assert.Equal(before.Cost, after.Cost);
            Assert.Equal(after.Cost, afterOnD.Cost);
            Assert.Equal(after.OpenIncident, afterOnD.OpenIncident);
            AssertOnlyProgressed(before.Notices, after.Notices);
            AssertOnlyProgressed(before.Notices, afterOnD.Notices);
            Note("the fresh pair holds the same incidents, window, outbox, SLA and cost");

            // The webhook target comes up: every pending notice goes out, once.
            webhooks = await WebhookReceiver.StartAsync(port: webhookPort);
            var webhookTarget = webhooks;
            Note($"webhook target up on port {webhookPort}");
            await Eventually.HoldsAsync(() => pendingWebhooks.All(id => webhookTarget.Requests.Any(r => r.Id == id)),
                "every webhook notice pending since before the restart delivered", seconds: 40);
            Note("the pending webhook notices arrived");

            // A quick restart leaves most of the follow-up delay still to run: wait from when it is due.
            await Eventually.HoldsAsync(() => Kinds().Contains("incident.followup"), "the follow-up email", seconds: SecondsUntil(followUpDue) + 60);
            Note($"follow-up email arrived {(DateTimeOffset.UtcNow - followUpDue).TotalSeconds:0.00} s after it was due");
            await Eventually.HoldsAsync(() => Kinds().Contains("maintenance.started"), "the maintenance.started email", seconds: SecondsUntil(windowStart) + 60);
            Note($"maintenance.started email arrived {(DateTimeOffset.UtcNow - windowStart).TotalSeconds:0.00} s after the window's start");
            await Eventually.HoldsAsync(async () => (await ClusterRestartSnapshot.NoticesAsync(d, clientId)).All(n => n.State is "sent" or "superseded"),
                "every notice sent, the follow-up's and the window start's to the webhook included", seconds: 40);

            // A repeated tick or a second wake-up would send its copy right behind the first.
            await Task.Delay(TimeSpan.FromSeconds(2));
            var final = await ClusterRestartSnapshot.NoticesAsync(c, clientId);
            string[] toldInAll = [.. toldByEmail, "incident.followup", "maintenance.started"];
            Assert.Equal(toldInAll.Order(), Kinds().Order());
            var emails = smtp.Messages;
            Assert.Equal(emails.Count, emails.Select(m => m.MessageId).Distinct().Count());

            var received = webhookTarget.Requests;
            var sentWebhooks = final.Where(n => n.Channel == "webhook" && n.State == "sent").Select(n => n.Id).Order().ToArray();
            Assert.All(received.GroupBy(r => r.Id), g => Assert.True(g.Count() == 1, $"Webhook {g.Key} arrived {g.Count()} times."));
            Assert.Equal(sentWebhooks, received.Select(r => r.Id!).Order());
            Assert.Equal(botToldItIsFixed ? 1 : 0, received.Count(r => KindOf(r) == "incident.followup"));
            Assert.Single(received, r => KindOf(r) == "maintenance.started");
            Assert.Equal(final.Where(n => n.Channel == "email").Select(n => n.Kind).Order(), toldInAll.Order());
            AssertOnlyProgressed(before.Notices, final);

            var closed = await d.SendJsonAsync(HttpMethod.Get, ClusterRestartSnapshot.IncidentPath(resolvedIncidentId), null, HttpStatusCode.OK);
            Assert.Equal("closed", closed.GetProperty("stage").GetString());
            Assert.True(closed.GetProperty("followUpSentAt").GetDateTimeOffset() >= followUpDue, "The follow-up was taken before it was due.");
            Assert.Single(closed.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "follow_up_sent");
            var started = await c.SendJsonAsync(HttpMethod.Get, $"api/v1/maintenance/{windowId}", null, HttpStatusCode.OK);
            Assert.Equal("in_progress", started.GetProperty("state").GetString());
            Assert.Equal(windowStart, started.GetProperty("startedAt").GetDateTimeOffset());
            Assert.Single(started.GetProperty("notices").EnumerateArray(), n => n.GetProperty("step").GetString() == "started");
            var stillOpen = await c.SendJsonAsync(HttpMethod.Get, ClusterRestartSnapshot.IncidentPath(openIncidentId), null, HttpStatusCode.OK);
            Assert.Equal("acknowledged", stillOpen.GetProperty("stage").GetString());
            Assert.Equal(eta, stillOpen.GetProperty("eta").GetDateTimeOffset());
            Note($"{received.Count} webhooks and {emails.Count} emails in all, each once");
        }
        catch (Exception ex) when (ex is not Xunit.SkipException)
        {
            throw await hosts.FailureWithLogsAsync(ex);
        }
        finally
        {
            if (webhooks is not null)
            {
                await webhooks.DisposeAsync();
            }

            await hosts.DisposeAsync();
        }

        Note("done");
    }

    /// <summary>Every notice from before is still there under its id, in the same state or a later one.</summary>
    private static void AssertOnlyProgressed(IReadOnlyList<ClusterRestartNotice> before, IReadOnlyList<ClusterRestartNotice> after)
    {
        var now = after.ToDictionary(n => n.Id);
        foreach (var notice in before)
        {
            Assert.True(now.TryGetValue(notice.Id, out var later), $"Notice {notice.Id} ({notice.State}) is gone from the outbox.");
            Assert.Equal((notice.Kind, notice.Channel), (later.Kind, later.Channel));
            Assert.True(notice.State == later.State || notice.State == "pending",
                $"Notice {notice.Id} went from {notice.State} back to {later.State}.");
            Assert.True(later.Attempts >= notice.Attempts, $"Notice {notice.Id} lost attempts: {notice.Attempts}, now {later.Attempts}.");
        }
    }

    // The notice kind a webhook carries in its envelope's "type".
    private static string? KindOf(ReceivedWebhook webhook)
    {
        using var json = System.Text.Json.JsonDocument.Parse(webhook.Body);
        return json.RootElement.TryGetProperty("type", out var type) ? type.GetString() : null;
    }

    private static int SecondsUntil(DateTimeOffset time) =>
        Math.Max(0, (int)Math.Ceiling((time - DateTimeOffset.UtcNow).TotalSeconds));

    private static DateTimeOffset Whole(DateTimeOffset time) =>
        new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private void Note(string line) => output.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} (+{_clock.Elapsed.TotalSeconds:0.0} s) {line}");
}
