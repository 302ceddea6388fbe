using System.Globalization;
using System.Text.Json;
using UptimeCoordinator.Host.Tests.Http;
using UptimeCoordinator.Host.Tests.Infrastructure;
using static UptimeCoordinator.Host.Tests.Maintenance.MaintenanceRig;

namespace UptimeCoordinator.Host.Tests.Maintenance;

/// <summary>
/// "Don't cheat SLAs" with the real maintenance history: a window is excluded from a client's SLA
/// only if it was announced at least the client's <c>maintenanceNoticeHours</c> ahead and the work
/// stayed inside it; ops are warned when scheduling of every client whose SLA will count it.
/// Short real windows qualify only for a client promised no notice (0 hours).
/// </summary>
public sealed class MaintenanceSlaEndToEndTests(MaintenanceRigFixture fixture) : IClassFixture<MaintenanceRigFixture>
{
    // Long enough that a loaded machine still sends the events inside the window after it has seen it
    // start (4 s was not always).
    private const int WindowSeconds = 10;

    /// <summary>The windows' minutes as the SLA shows them, rounded to two places.</summary>
    private const double WindowMinutes = 0.17;

    private MaintenanceRig Rig => fixture.Rig;

    [Fact]
    public async Task SchedulingWarnsOfEveryClientWhoseSlaAsksForMoreNoticeThanTheWindowGives()
    {
        var db = await Rig.CreateServiceAsync("db");
        var web = await Rig.CreateServiceAsync("web", db);
        var (strict, relaxed, byDefault, dependent) = (TestIds.Unique("strict"), TestIds.Unique("relaxed"), TestIds.Unique("default"), TestIds.Unique("dependent"));
        await Rig.DefineClientAsync(strict, "UTC", [db], [], sla: new { maintenanceNoticeHours = 72 });
        await Rig.DefineClientAsync(relaxed, "UTC", [db], [], sla: new { maintenanceNoticeHours = 0 });
        await Rig.DefineClientAsync(byDefault, "UTC", [db], []);
        await Rig.DefineClientAsync(dependent, "UTC", [web], [], sla: new { maintenanceNoticeHours = 24 });

        var start = SecondsAhead(3600);
        var window = await Rig.ScheduleAsync(new { serviceIds = new[] { db }, start, end = start.AddHours(1), title = "Index rebuild" });
        var warnings = window.GetProperty("slaWarnings").EnumerateArray().ToDictionary(w => w.Str("clientId"));
        Assert.Equal([byDefault, dependent, strict], warnings.Keys.Order(StringComparer.Ordinal));
        foreach (var (client, hours) in new[] { (strict, 72), (byDefault, 72), (dependent, 24) })
        {
            var warning = warnings[client];
            Assert.Equal(($"Client {client}", hours), (warning.Str("clientName"), warning.GetProperty("requiredNoticeHours").GetInt32()));
            var given = warning.GetProperty("givenNoticeHours").GetDouble();
            Assert.InRange(given, 0.9, 1.0);
            Assert.Contains(hours.ToString(CultureInfo.InvariantCulture), warning.Str("message"), StringComparison.Ordinal);
        }

        // Moved four days out, the window gives everyone the notice they were promised.
        var moved = await Rig.CommandAsync(window.Str("id"), "reschedule", new { start = start.AddDays(4), end = start.AddDays(4).AddHours(1) });
        Assert.Empty(moved.GetProperty("slaWarnings").EnumerateArray());
        Assert.Empty((await Rig.WindowAsync(window.Str("id"))).GetProperty("slaWarnings").EnumerateArray());
    }

    [Fact]
    public async Task AKeptWindowIsExcludedForAClientPromisedNoNoticeAndCountsAsDowntimeForOnePromised72Hours()
    {
        var service = await Rig.CreateServiceAsync("sla");
        var (kept, strict) = (TestIds.Unique("kept"), TestIds.Unique("strict"));
        await Rig.DefineClientAsync(kept, "UTC", [service], [], sla: new { maintenanceNoticeHours = 0 });
        await Rig.DefineClientAsync(strict, "UTC", [service], [], sla: new { maintenanceNoticeHours = 72 });
        var (id, start) = await RunningWindowAsync(service);

        // Trouble inside the window is the work: it costs the SLA nothing of its own.
        await Rig.Api.RecordAsync(new EventBody(service, "down", TestTime.Now, "blackbox", "http"));
        await Task.Delay(TimeSpan.FromSeconds(1));
        await Rig.Api.RecordAsync(new EventBody(service, "up", TestTime.Now.AddSeconds(1), "blackbox", "http"));
        Assert.False((await Rig.WaitForStateAsync(id, "completed")).GetProperty("overran").GetBoolean());
        await Rig.WaitUntilHandedOutAsync(id);

        var excused = await SlaAsync(kept, start);
        var entry = Assert.Single(excused.GetProperty("maintenance").EnumerateArray());
        Assert.Equal((id, true, false, 0), (entry.Str("windowId"), entry.GetProperty("excluded").GetBoolean(), entry.GetProperty("overran").GetBoolean(), entry.GetProperty("noticeRequiredHours").GetInt32()));
        Assert.Equal(WindowMinutes, entry.GetProperty("excludedMinutes").GetDouble());
        Assert.Equal((start, start.AddSeconds(WindowSeconds)), (entry.Time("start"), entry.Time("end")));
        var figures = Assert.Single(excused.GetProperty("services").EnumerateArray());
        Assert.Equal([id], figures.Strings("excludedMaintenanceIds"));
        Assert.Empty(figures.Strings("countedMaintenanceIds"));
        Assert.Equal((0.0, WindowMinutes), (figures.GetProperty("downMinutes").GetDouble(), figures.GetProperty("excludedMinutes").GetDouble()));
        Assert.Equal((0.0, WindowMinutes), (excused.GetProperty("downMinutes").GetDouble(), excused.GetProperty("excludedMinutes").GetDouble()));

        var counted = await SlaAsync(strict, start);
        entry = Assert.Single(counted.GetProperty("maintenance").EnumerateArray());
        Assert.Equal((id, false, 72, 0.0), (entry.Str("windowId"), entry.GetProperty("excluded").GetBoolean(), entry.GetProperty("noticeRequiredHours").GetInt32(), entry.GetProperty("excludedMinutes").GetDouble()));
        Assert.Contains("notice", entry.Str("reason"), StringComparison.Ordinal);
        figures = Assert.Single(counted.GetProperty("services").EnumerateArray());
        Assert.Equal([id], figures.Strings("countedMaintenanceIds"));
        Assert.Empty(figures.Strings("excludedMaintenanceIds"));
        Assert.Equal((WindowMinutes, 0.0), (figures.GetProperty("downMinutes").GetDouble(), figures.GetProperty("excludedMinutes").GetDouble()));
        Assert.Equal(WindowMinutes, counted.GetProperty("downMinutes").GetDouble());
    }

    [Fact]
    public async Task AWindowThatOverranCountsAsDowntimeEvenForAClientPromisedNoNotice()
    {
        var service = await Rig.CreateServiceAsync("late");
        var client = TestIds.Unique("kept");
        await Rig.DefineClientAsync(client, "UTC", [service], [], sla: new { maintenanceNoticeHours = 0 });
        var (id, start) = await RunningWindowAsync(service);

        await Rig.Api.RecordAsync(new EventBody(service, "down", TestTime.Now, "blackbox", "http"));
        var completed = await Rig.WaitForStateAsync(id, "completed");
        Assert.True(completed.GetProperty("overran").GetBoolean(), $"the window did not overrun: {completed}");
        await Task.Delay(TimeSpan.FromSeconds(2));
        await Rig.Api.RecordAsync(new EventBody(service, "up", TestTime.Now.AddSeconds(1), "blackbox", "http"));
        await Eventually.HoldsAsync(async () => (await Rig.Api.GetServiceAsync(service)).IsNull("openIncidentId"), "the overrun incident resolved", StepSeconds);

        var sla = await SlaAsync(client, start);
        var entry = Assert.Single(sla.GetProperty("maintenance").EnumerateArray());
        Assert.Equal((id, false, true, 0.0), (entry.Str("windowId"), entry.GetProperty("excluded").GetBoolean(), entry.GetProperty("overran").GetBoolean(), entry.GetProperty("excludedMinutes").GetDouble()));
        Assert.Contains("overran", entry.Str("reason"), StringComparison.Ordinal);
        var figures = Assert.Single(sla.GetProperty("services").EnumerateArray());
        Assert.Equal([id], figures.Strings("countedMaintenanceIds"));
        Assert.Equal(0.0, figures.GetProperty("excludedMinutes").GetDouble());

        // The window's own minutes and the incident's after it: more than the window alone.
        Assert.True(figures.GetProperty("downMinutes").GetDouble() > WindowMinutes, $"the overrun's minutes are not all counted: {figures}");
    }

    /// <summary>Schedules a window of <see cref="WindowSeconds"/> starting in 3 s, without reminders, and waits until its service shows it.</summary>
    private async Task<(string Id, DateTimeOffset Start)> RunningWindowAsync(string service)
    {
        var start = SecondsAhead(3);
        var window = await Rig.ScheduleAsync(new { serviceIds = new[] { service }, start, end = start.AddSeconds(WindowSeconds), title = "Certificate rotation", noticeLeadTimes = Array.Empty<string>() });
        await Eventually.HoldsAsync(async () => (await Rig.Api.GetServiceAsync(service)).Str("status") == "under_maintenance", $"{service} under maintenance", StepSeconds);
        return (window.Str("id"), start);
    }

    /// <summary>The client's SLA for the (UTC) month the window started in.</summary>
    private Task<JsonElement> SlaAsync(string clientId, DateTimeOffset start) =>
        Rig.Notices.GetAsync($"/api/v1/clients/{clientId}/sla?month={start.UtcDateTime:yyyy-MM}");
}
