using System.Text.Json;
using UptimeCoordinator.Delivery.Tests.Support;
using UptimeCoordinator.Host.Tests.Http;
using UptimeCoordinator.Host.Tests.Infrastructure;
using UptimeCoordinator.Host.Tests.Stream;
using static UptimeCoordinator.Host.Tests.Maintenance.MaintenanceRig;

namespace UptimeCoordinator.Host.Tests.Maintenance;

/// <summary>
/// The issue's story: a window on a database, scheduled a few seconds ahead, runs by itself through
/// the real host to a real webhook receiver and a real SMTP server. Every contact it reaches, directly
/// or through a service depending on the database, hears each step once, in order, in its own zone.
/// </summary>
public sealed class MaintenanceStoryEndToEndTests(MaintenanceRigFixture fixture) : IClassFixture<MaintenanceRigFixture>
{
    private const string Tokyo = "Asia/Tokyo";
    private const string NewYork = "America/New_York";
    private const string Kolkata = "Asia/Kolkata";

    /// <summary>The live stream's event type for a window's change (the notice kind of a reschedule shares the name).</summary>
    private const string StreamEvent = "maintenance.changed";

    private MaintenanceRig Rig => fixture.Rig;

    [Fact]
    public async Task EveryAffectedContactHearsScheduledRemindersStartedAndCompletedOnceInOrderInItsOwnZone()
    {
        var db = await Rig.CreateServiceAsync("db");
        var web = await Rig.CreateServiceAsync("web", db);
        var tokyo = TestIds.Unique("tokyo");
        var newYork = TestIds.Unique("nyc");
        var (tokyoHook, tokyoMail, newYorkHook, travellerHook) = ($"/hooks/{tokyo}", $"{tokyo}-mail", $"/hooks/{newYork}", $"/hooks/{newYork}/traveller");
        await Rig.DefineClientAsync(tokyo, Tokyo, [db], [Rig.HookContact($"{tokyo}-hook", tokyoHook), MailContact(tokyoMail)]);

        // One of the New York client's people works from India, on India's clock.
        await Rig.DefineClientAsync(newYork, NewYork, [web], [Rig.HookContact($"{newYork}-hook", newYorkHook), Rig.HookContact($"{newYork}-traveller", travellerHook, Kolkata)]);
        await using var stream = await SseReader.OpenAsync(Rig.Api.Ops);

        var start = SecondsAhead(9);
        var end = start.AddSeconds(4);
        var scheduled = await Rig.ScheduleAsync(new
        {
            serviceIds = new[] { db },
            start,
            end,
            title = "Database failover drill",
            description = "We switch the primary database to its replica and back.",
        });
        var id = scheduled.Str("id");
        var streamed = StreamedStatesAsync(stream, id);

        Assert.Equal(("scheduled", 0, start, end), (scheduled.Str("state"), scheduled.GetProperty("revision").GetInt32(), scheduled.Time("start"), scheduled.Time("end")));
        Assert.Equal([db], scheduled.Strings("serviceIds"));
        Assert.Equal([db, web], scheduled.Strings("affectedServiceIds").Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        Assert.Equal(["PT4S", "PT2S"], scheduled.Strings("noticeLeadTimes"));
        Assert.Equal(start.AddSeconds(-4), scheduled.Time("nextReminderAt"));
        Assert.Equal($"/api/v1/maintenance/{id}/calendar.ics", scheduled.Str("calendarUrl"));
        var announced = Assert.Single(scheduled.GetProperty("notices").EnumerateArray());
        Assert.Equal(("scheduled", Scheduled, 0), (announced.Str("step"), announced.Str("kind"), announced.GetProperty("revision").GetInt32()));

        // Between start and end the database shows the work, and not a moment before the start.
        var answeredAt = DateTimeOffset.MinValue;
        await Eventually.HoldsAsync(
            async () =>
            {
                var status = (await Rig.Api.GetServiceAsync(db)).Str("status");
                answeredAt = DateTimeOffset.UtcNow;
                return status == "under_maintenance";
            },
            $"{db} under maintenance", StepSeconds);
        Assert.True(answeredAt >= start, $"{db} showed under_maintenance at {answeredAt:O}, before the window's start at {start:O}");

        var completed = await Rig.WaitForStateAsync(id, "completed");
        Assert.Equal("operational", (await Rig.Api.GetServiceAsync(db)).Str("status"));
        Assert.Equal("operational", (await Rig.Api.GetServiceAsync(web)).Str("status"));
        Assert.Equal((start, end, false), (completed.Time("startedAt"), completed.Time("completedAt"), completed.GetProperty("overran").GetBoolean()));
        Assert.True(completed.IsNull("overrunIncidentId"));

        completed = await Rig.WaitUntilHandedOutAsync(id);
        var steps = completed.GetProperty("notices").EnumerateArray().ToList();
        var stepKinds = steps.Select(s => s.Str("kind")).ToList();
        Assert.True(
            stepKinds.Count is 4 or 5 && stepKinds[0] == Scheduled && stepKinds[^2] == Started && stepKinds[^1] == Completed
                && stepKinds[1..^2].All(k => k == Reminder),
            $"the window's steps are scheduled, one or two reminders, started, completed: {string.Join(", ", stepKinds)}");
        Assert.Equal(
            ["scheduled", .. Enumerable.Repeat("reminder", stepKinds.Count - 3), "started", "completed"],
            steps.Select(s => s.Str("step")));

        await ExpectStepsAsync(tokyoHook, id, stepKinds);
        await ExpectStepsAsync(newYorkHook, id, stepKinds);
        await ExpectStepsAsync(travellerHook, id, stepKinds);
        await Eventually.HoldsAsync(() => Rig.MailTo(EmailOf(tokyoMail)).Count >= stepKinds.Count, $"{stepKinds.Count} emails to {tokyoMail}", StepSeconds);
        await Task.Delay(TimeSpan.FromSeconds(1));

        AssertEachStepOnce(Rig.HooksAbout(tokyoHook, id), steps, id, tokyo, $"{tokyo}-hook");
        AssertEachStepOnce(Rig.HooksAbout(newYorkHook, id), steps, id, newYork, $"{newYork}-hook");
        AssertEachStepOnce(Rig.HooksAbout(travellerHook, id), steps, id, newYork, $"{newYork}-traveller");
        var mail = Rig.MailTo(EmailOf(tokyoMail));
        Assert.Equal(stepKinds, mail.Select(Kind));
        Assert.Equal(stepKinds.Count, mail.Select(m => m.Headers["X-Uptime-Notice-Id"]).Distinct().Count());

        AssertInItsOwnZone(Rig.HooksAbout(tokyoHook, id), Tokyo, start, end);
        AssertInItsOwnZone(Rig.HooksAbout(newYorkHook, id), NewYork, start, end);
        AssertInItsOwnZone(Rig.HooksAbout(travellerHook, id), Kolkata, start, end);
        Assert.All(mail, m => Assert.Contains(ClockIn(Tokyo, start), m.TextBody, StringComparison.Ordinal));

        // The database's client has it directly; the web shop's client through its dependency.
        Assert.Contains($"Service {db}: unavailable during the work", Data(Rig.HooksAbout(tokyoHook, id)[0]).Str("text"), StringComparison.Ordinal);
        Assert.Contains(
            $"Service {web}: may not work fully during the work, because it depends on Service {db}",
            Data(Rig.HooksAbout(newYorkHook, id)[0]).Str("text"), StringComparison.Ordinal);

        // The email of every step that announces work to come carries the invite; the others need none.
        Assert.All(mail, m => Assert.Equal(
            Kind(m) is Scheduled or Reminder ? [$"maintenance-{id}.ics"] : Array.Empty<string>(),
            m.Attachments.OfType<MimeKit.MimePart>().Where(a => a.ContentType.IsMimeType("text", "calendar")).Select(a => a.FileName)));

        await Eventually.HoldsAsync(
            async () => (await Rig.Notices.NoticesAsync(tokyo)).Count(n => n.Str("state") == "sent") == 2 * stepKinds.Count
                && (await Rig.Notices.NoticesAsync(newYork)).Count(n => n.Str("state") == "sent") == 2 * stepKinds.Count,
            "every notice recorded as sent");
        Assert.Equal(["scheduled", "in_progress", "completed"], await streamed);
    }

    [Fact]
    public async Task TheWebhookPayloadListsTheClientsServicesWithHowTheWorkReachesEach()
    {
        var db = await Rig.CreateServiceAsync("db");
        var web = await Rig.CreateServiceAsync("web", db);
        var client = TestIds.Unique("both");
        var hook = $"/hooks/{client}";
        await Rig.DefineClientAsync(client, "UTC", [db, web], [Rig.HookContact($"{client}-hook", hook)]);
        var start = SecondsAhead(3600);
        await Rig.ScheduleAsync(new { serviceIds = new[] { db }, start, end = start.AddHours(1), title = "Replica rebuild" });

        // docs/api.md's maintenance payload: the client's services as incident notices list them.
        var data = Data(await Rig.HookOfAsync(hook, Scheduled));
        Assert.True(data.TryGetProperty("affectedServices", out var services), $"the maintenance webhook has no 'affectedServices': {data}");
        var listed = services.EnumerateArray().ToDictionary(s => s.Str("serviceId"));
        Assert.Equal(new[] { db, web }.Order(StringComparer.Ordinal), listed.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("under_maintenance", $"Service {db}"), (listed[db].Str("status"), listed[db].Str("name")));
        Assert.True(listed[db].IsNull("via"));
        Assert.Equal(("partial_outage", db, $"Service {web}"), (listed[web].Str("status"), listed[web].Str("via"), listed[web].Str("name")));
    }

    /// <summary>Waits until the webhook at <paramref name="path"/> received every step, then asserts it received exactly those, in order.</summary>
    private async Task ExpectStepsAsync(string path, string windowId, List<string> kinds)
    {
        await Eventually.HoldsAsync(() => Rig.HooksAbout(path, windowId).Count >= kinds.Count, $"{kinds.Count} webhooks to {path}", StepSeconds);
        Assert.Equal(kinds, Rig.HooksAbout(path, windowId).Select(Type));
    }

    private static void AssertEachStepOnce(List<ReceivedWebhook> hooks, List<JsonElement> steps, string windowId, string clientId, string contactId)
    {
        Assert.All(hooks, h => Assert.True(h.SignatureVerified, $"webhook {h.Id} is signed with the contact's secret"));
        var expected = steps.Select(s => $"{windowId}:{s.Str("kind")}:{s.GetProperty("sequence").GetInt64()}:{clientId}:{contactId}:webhook");
        Assert.Equal(expected, hooks.Select(h => h.Id));
        Assert.Equal(expected, hooks.Select(h => Data(h).Str("noticeId")));
    }

    private static void AssertInItsOwnZone(List<ReceivedWebhook> hooks, string zone, DateTimeOffset start, DateTimeOffset end)
    {
        var offset = OffsetText(zone, start);
        foreach (var hook in hooks)
        {
            var data = Data(hook);
            Assert.Equal((start, end), (data.Time("start"), data.Time("end")));
            Assert.Equal(TimeSpan.Zero, data.Time("start").Offset);
            Assert.EndsWith(offset, data.Str("localStart"), StringComparison.Ordinal);
            Assert.EndsWith(offset, data.Str("localEnd"), StringComparison.Ordinal);
            Assert.Equal((start, end), (data.Time("localStart"), data.Time("localEnd")));
            Assert.Equal((zone, 0), (data.Str("timeZone"), data.GetProperty("revision").GetInt32()));
            Assert.Contains(ClockIn(zone, start), data.Str("text"), StringComparison.Ordinal);
        }

        var scheduledText = Data(hooks[0]).Str("text");
        Assert.Contains($"{zone}, UTC{offset}", scheduledText, StringComparison.Ordinal);
        Assert.Equal(
            ["scheduled", .. Enumerable.Repeat("reminder", hooks.Count - 3), "started", "completed"],
            hooks.Select(h => Data(h).Str("step")));
    }

    /// <summary>The window's states as the ops stream tells them, each run of repeats once, up to its completion.</summary>
    private static async Task<List<string>> StreamedStatesAsync(SseReader stream, string windowId)
    {
        bool Ours(SseMessage m) => m.Json().Str("windowId") == windowId;
        await stream.NextEventAsync(StreamEvent, m => Ours(m) && m.Json().Str("state") == "completed", TimeSpan.FromSeconds(StepSeconds + 30));
        var states = stream.Seen.Where(m => m.IsEvent && m.Event == StreamEvent && Ours(m)).Select(m => m.Json().Str("state")).ToList();
        return [.. states.Where((state, i) => i == 0 || states[i - 1] != state)];
    }
}
