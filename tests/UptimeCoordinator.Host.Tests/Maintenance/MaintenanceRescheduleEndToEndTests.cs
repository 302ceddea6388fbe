using UptimeCoordinator.Host.Tests.Http;
using UptimeCoordinator.Host.Tests.Infrastructure;
using static UptimeCoordinator.Host.Tests.Maintenance.MaintenanceRig;

namespace UptimeCoordinator.Host.Tests.Maintenance;

/// <summary>
/// A window moved before it begins keeps nothing of its old time: its contacts hear the change with
/// the old and the new times, the old start and its reminder pass without a sound, and the reminder,
/// the start and the end come at the new times.
/// </summary>
public sealed class MaintenanceRescheduleEndToEndTests(MaintenanceRigFixture fixture) : IClassFixture<MaintenanceRigFixture>
{
    private MaintenanceRig Rig => fixture.Rig;

    [Fact]
    public async Task AWindowMovedLaterRemindsStartsAndEndsAtItsNewTimeAndNotAtItsOldOne()
    {
        var service = await Rig.CreateServiceAsync("moved");
        var client = TestIds.Unique("client");
        var hook = $"/hooks/{client}";
        await Rig.DefineClientAsync(client, "Europe/Berlin", [service], [Rig.HookContact($"{client}-hook", hook)]);
        // The reminder comes 4 s before the start. With 2 s, a loaded machine once woke the window only
        // at its start, and a reminder that comes due no sooner than the start is not sent (failed CI).
        var oldStart = SecondsAhead(7);
        var oldEnd = oldStart.AddSeconds(2);
        var id = (await Rig.ScheduleAsync(new { serviceIds = new[] { service }, start = oldStart, end = oldEnd, title = "Load balancer swap", noticeLeadTimes = new[] { "PT4S" } })).Str("id");

        var newStart = oldStart.AddSeconds(8);
        var newEnd = newStart.AddSeconds(2);
        var moved = await Rig.CommandAsync(id, "reschedule", new { start = newStart, end = newEnd, by = "Alice" });
        Assert.Equal((1, newStart.AddSeconds(-4)), (moved.GetProperty("revision").GetInt32(), moved.Time("nextReminderAt")));

        var changed = Data(await Rig.HookOfAsync(hook, Changed));
        Assert.Equal(("rescheduled", 1), (changed.Str("step"), changed.GetProperty("revision").GetInt32()));
        Assert.Equal((oldStart, oldEnd, newStart, newEnd), (changed.Time("previousStart"), changed.Time("previousEnd"), changed.Time("start"), changed.Time("end")));

        // Past the old start and its reminder, nothing of the old plan happens (checked only if this
        // machine got here before the new reminder was due; the notices at the end tell the rest).
        await Eventually.HoldsAsync(() => DateTimeOffset.UtcNow > oldStart.AddSeconds(1), "the old start passed");
        var state = (await Rig.WindowAsync(id)).Str("state");
        var status = (await Rig.Api.GetServiceAsync(service)).Str("status");
        List<string> heard = [.. Rig.Hooks(hook).Select(Type)];
        if (DateTimeOffset.UtcNow < newStart.AddSeconds(-4))
        {
            Assert.Equal(("scheduled", "operational"), (state, status));
            Assert.Equal([Scheduled, Changed], heard);
        }

        var completed = await Rig.WaitForStateAsync(id, "completed");
        Assert.Equal((newStart, newEnd), (completed.Time("startedAt"), completed.Time("completedAt")));
        await Rig.HookOfAsync(hook, Completed);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal([Scheduled, Changed, Reminder, Started, Completed], Rig.Hooks(hook).Select(Type));
        var reminder = Data(Rig.Hooks(hook).Single(h => Type(h) == Reminder));
        Assert.Equal(("PT4S", newStart, 1), (reminder.Str("leadTime"), reminder.Time("start"), reminder.GetProperty("revision").GetInt32()));
        Assert.All(Rig.Hooks(hook).Where(h => Type(h) is Started or Completed).Select(Data), d => Assert.Equal((newStart, newEnd), (d.Time("start"), d.Time("end"))));
    }
}
