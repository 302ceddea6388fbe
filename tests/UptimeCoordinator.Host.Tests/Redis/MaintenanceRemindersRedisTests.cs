using System.Net;
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
    private static readonly TimeSpan StartsIn = TimeSpan.FromSeconds(12);
    private static readonly TimeSpan Lasts = TimeSpan.FromSeconds(5);

    // The reminder's period is a minute: a fresh host takes the window at the reminder's next tick after the start.
    private static readonly TimeSpan StepsTimeout = TimeSpan.FromSeconds(120);

    [SkippableFact]
    public async Task WindowStartsAndCompletesOnceEachAfterTheOnlyHostIsKilledBeforeItsStart()
    {
        await using var scenario = await RestartScenario.StartAsync(output, new Dictionary<string, string>(), StepsTimeout);
        var (smtp, hosts, clock) = (scenario.Smtp, scenario.Hosts, scenario.Clock);
        try
        {
            var a = await scenario.StartHostAsync(scenario.FirstHost, "A");
            var (serviceId, clientId) = (scenario.ServiceId, scenario.ClientId);
            await scenario.DefineServiceAndClientAsync(a, "Storage (maintenance reminder test)");

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
            await Eventually.HoldsAsync(() => scenario.Kinds() is ["maintenance.scheduled"], "the scheduled email");

            // Killed only once the outbox has recorded it as sent: a resent announcement is not what this test is about.
            await Eventually.HoldsAsync(async () => await scenario.NoticeStatesAsync(a) is ["sent"],
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

            var b = await scenario.StartHostAsync(scenario.FreshHost, "B");
            var startedArrived = await scenario.WaitForEmailAsync(b, "maintenance.started");
            var completedArrived = await scenario.WaitForEmailAsync(b, "maintenance.completed");

            // A repeated tick or a second wake-up would send its copy right behind the first.
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Equal(["maintenance.scheduled", "maintenance.started", "maintenance.completed"], scenario.Kinds());
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
            await Eventually.HoldsAsync(async () => await scenario.NoticeStatesAsync(b) is ["sent", "sent", "sent"],
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
}
