using System.Diagnostics;
using System.Net;
using System.Text.Json;
using UptimeCoordinator.Delivery.Tests.Support;
using UptimeCoordinator.Host.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UptimeCoordinator.Host.Tests.Redis;

/// <summary>
/// A maintenance window's start and end are persisted with a reminder in Redis: when the only host
/// dies before the window begins and a fresh one comes up after its start, the window still starts
/// and completes by itself, and its contact hears of each exactly once.
/// </summary>
public sealed class MaintenanceRemindersRedisTests(ITestOutputHelper output)
{
    private const string KindHeader = "X-Uptime-Notice-Kind";
    private static readonly TimeSpan StartsIn = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan Lasts = TimeSpan.FromSeconds(5);

    // The reminder's period is a minute: a fresh host takes the window at the reminder's next tick after the start.
    private static readonly TimeSpan StepsTimeout = TimeSpan.FromSeconds(120);

    [SkippableFact]
    public async Task WindowStartsAndCompletesOnceEachAfterTheOnlyHostIsKilledBeforeItsStart()
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
            },
        };
        var freshHost = firstHost with { ClusterId = $"uc-test-{run}-b" };

        await using var hosts = new HostGroup(redis);
        try
        {
            var a = await StartAsync(hosts, firstHost, "A");
            var serviceId = $"storage-{run}";
            await a.SendJsonAsync(HttpMethod.Put, $"api/v1/services/{serviceId}", new { name = "Storage (maintenance reminder test)" }, HttpStatusCode.Created);
            var clientId = $"acme-{run}";
            await a.SendJsonAsync(HttpMethod.Put, $"api/v1/clients/{clientId}", new
            {
                name = "Acme",
                timeZone = "Europe/Berlin",
                subscriptions = new[] { new { serviceId, impact = 1.0 } },
                contacts = new[] { new { id = "alice", name = "Alice", email = "alice@acme.example" } },
            }, HttpStatusCode.Created);

            var now = DateTimeOffset.UtcNow;
            var start = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero) + StartsIn;
            var end = start + Lasts;
            var window = await a.SendJsonAsync(HttpMethod.Post, "api/v1/maintenance", new
            {
                serviceIds = new[] { serviceId },
                start,
                end,
                title = "Storage controller replacement",
                noticeLeadTimes = Array.Empty<string>(),
            }, HttpStatusCode.Created);
            var windowId = window.GetProperty("id").GetString()!;
            await Eventually.HoldsAsync(() => Kinds(smtp) is ["maintenance.scheduled"], "the scheduled email");

            // Killed only once the outbox has recorded it as sent: a resent announcement is not what this test is about.
            await Eventually.HoldsAsync(async () => NoticeStates(await a.SendJsonAsync(HttpMethod.Get, $"api/v1/clients/{clientId}/notices", null, HttpStatusCode.OK)) is ["sent"],
                "the scheduled notice recorded as sent");
            var killedAhead = start - DateTimeOffset.UtcNow;
            Assert.True(killedAhead > TimeSpan.FromSeconds(2), $"The host would be killed only {killedAhead.TotalSeconds:0.0} s before the window starts.");
            await a.KillAsync();
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: window {windowId} scheduled; host A killed {killedAhead.TotalSeconds:0.0} s before its start");

            // The fresh host comes up only once the window should have begun; nothing touches the window
            // from here on: only its reminder, read from Redis, can wake it.
            var startPassed = start.AddSeconds(1) - DateTimeOffset.UtcNow;
            if (startPassed > TimeSpan.Zero)
            {
                await Task.Delay(startPassed);
            }

            var b = await StartAsync(hosts, freshHost, "B");
            var startedArrived = await WaitForEmailAsync(smtp, b, "maintenance.started", clock);
            var completedArrived = await WaitForEmailAsync(smtp, b, "maintenance.completed", clock);

            // A repeated tick or a second wake-up would send its copy right behind the first.
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Equal(["maintenance.scheduled", "maintenance.started", "maintenance.completed"], Kinds(smtp));
            var messages = smtp.Messages;
            Assert.Equal(messages.Count, messages.Select(m => m.MessageId).Distinct().Count());
            Assert.All(messages, m => Assert.StartsWith($"{windowId}:", m.Headers["X-Uptime-Notice-Id"], StringComparison.Ordinal));
            var stepsLine = $"Maintenance {windowId}: steps due";
            Assert.True(b.Log.Contains(stepsLine), "The fresh host B does not log that it took the window's steps.");
            Assert.False(a.Log.Contains(stepsLine), "The killed host A took a step of the window before it died.");

            var done = await b.SendJsonAsync(HttpMethod.Get, $"api/v1/maintenance/{windowId}", null, HttpStatusCode.OK);
            Assert.Equal("completed", done.GetProperty("state").GetString());
            Assert.Equal((start, end), (done.GetProperty("startedAt").GetDateTimeOffset(), done.GetProperty("completedAt").GetDateTimeOffset()));
            Assert.False(done.GetProperty("overran").GetBoolean());
            Assert.Equal(["scheduled", "started", "completed"], done.GetProperty("notices").EnumerateArray().Select(n => n.GetProperty("step").GetString()));
            var service = await b.SendJsonAsync(HttpMethod.Get, $"api/v1/services/{serviceId}", null, HttpStatusCode.OK);
            Assert.Equal("operational", service.GetProperty("status").GetString());
            await Eventually.HoldsAsync(async () => NoticeStates(await b.SendJsonAsync(HttpMethod.Get, $"api/v1/clients/{clientId}/notices", null, HttpStatusCode.OK)) is ["sent", "sent", "sent"],
                "the three notices recorded as sent");

            output.WriteLine($"started: delivered {(startedArrived - start).TotalSeconds:0.00} s after the start");
            output.WriteLine($"completed: delivered {(completedArrived - end).TotalSeconds:0.00} s after the end");
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

    /// <summary>Waits for the first email of <paramref name="kind"/>, noting progress every 10 s; returns when it arrived.</summary>
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
                nextNote += TimeSpan.FromSeconds(10);
            }

            Assert.True(waiting.Elapsed < StepsTimeout, $"not within {StepsTimeout.TotalSeconds:0} s: the {kind} email");
            await Task.Delay(50);
        }

        var arrived = DateTimeOffset.UtcNow;
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: {kind} arrived");
        return arrived;
    }

    private static string[] Kinds(SmtpTestServer smtp) => [.. smtp.Messages.Select(m => m.Headers[KindHeader] ?? "")];

    private static string?[] NoticeStates(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("state").GetString())];
}
