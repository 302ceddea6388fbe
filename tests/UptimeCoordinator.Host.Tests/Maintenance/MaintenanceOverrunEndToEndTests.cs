using UptimeCoordinator.Host.Tests.Http;
using UptimeCoordinator.Host.Tests.Infrastructure;
using static UptimeCoordinator.Host.Tests.Maintenance.MaintenanceRig;

namespace UptimeCoordinator.Host.Tests.Maintenance;

/// <summary>
/// Trouble that monitoring sees inside a window is the work itself: it opens no incident and tells
/// nobody of an outage. Trouble still there when the window ends is not: the work overran, an
/// incident opens by itself, and the completion notice says where the story goes on.
/// </summary>
public sealed class MaintenanceOverrunEndToEndTests(MaintenanceRigFixture fixture) : IClassFixture<MaintenanceRigFixture>
{
    private MaintenanceRig Rig => fixture.Rig;

    [Fact]
    public async Task DownAndUpInsideTheWindowOpenNoIncidentAndTheWindowEndsAsPlanned()
    {
        var (service, hook) = await ServiceWithClientAsync("quiet");
        var id = await RunningWindowAsync(service);

        await Rig.Api.RecordAsync(new EventBody(service, "down", TestTime.Now, "blackbox", "http", "connection refused during the upgrade"));
        await Task.Delay(TimeSpan.FromSeconds(1));
        await Rig.Api.RecordAsync(new EventBody(service, "up", TestTime.Now.AddSeconds(1), "blackbox", "http"));
        await AssertNoIncidentAsync(service, [hook], id);

        var completed = await Rig.WaitForStateAsync(id, "completed");
        Assert.False(completed.GetProperty("overran").GetBoolean(), $"the window overran: {completed}");
        Assert.True(completed.IsNull("overrunIncidentId"));
        await Rig.WaitUntilHandedOutAsync(id);
        await Eventually.HoldsAsync(() => Rig.HooksAbout(hook, id).Count >= 3, "the window's three notices", StepSeconds);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal([Scheduled, Started, Completed], Rig.Hooks(hook).Select(Type));
        Assert.Equal("operational", (await Rig.Api.GetServiceAsync(service)).Str("status"));
        Assert.Empty(await Rig.Api.IncidentIdsOfAsync(service));
    }

    [Fact]
    public async Task ServiceStillDownAtTheEndBecomesAnIncidentThatTheCompletionNoticeNamesAndIncidentNoticesFollow()
    {
        var (service, hook) = await ServiceWithClientAsync("overrun");

        // More contacts, each told on its own: a second client of the service, and one of a service depending on it.
        var (_, second) = await ClientOfAsync(service);
        var dependent = await Rig.CreateServiceAsync("shop", service);
        var (_, viaDependency) = await ClientOfAsync(dependent);
        string[] hooks = [hook, second, viaDependency];
        var id = await RunningWindowAsync(service);

        await Rig.Api.RecordAsync(new EventBody(service, "down", TestTime.Now, "blackbox", "http", "the migration is still running"));
        await AssertNoIncidentAsync(service, hooks, id);

        var completed = await Rig.WaitForStateAsync(id, "completed");
        Assert.True(completed.GetProperty("overran").GetBoolean(), $"the window did not overrun: {completed}");
        var incidentId = completed.Str("overrunIncidentId");

        // The incident is told only once every client has heard that the work ended.
        await Eventually.HoldsAsync(async () => (await Rig.Api.IncidentIdsOfAsync(service)).Count > 0, "the overrun's incident", StepSeconds);
        Assert.Equal([incidentId], await Rig.Api.IncidentIdsOfAsync(service));
        var status = await Rig.Api.GetServiceAsync(service);
        Assert.Equal(("major_outage", incidentId), (status.Str("status"), status.Str("openIncidentId")));
        var incident = await Rig.Api.GetIncidentAsync(incidentId);
        Assert.Equal([service], incident.Strings("serviceIds"));

        foreach (var path in hooks)
        {
            var detected = await Rig.HookOfAsync(path, "incident.detected");
            Assert.Equal(incidentId, Data(detected).Str("incidentId"));
        }

        // Everyone first hears that the work did not finish and became this incident, then the incident's own news.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.All(hooks, path => Assert.Equal([Scheduled, Started, Completed, "incident.detected"], Rig.Hooks(path).Select(Type)));
        foreach (var path in hooks)
        {
            var notice = Data(Rig.Hooks(path).Single(h => Type(h) == Completed));
            Assert.Equal(("completed", incidentId), (notice.Str("step"), notice.Str("overrunIncidentId")));
            Assert.Contains(incidentId, notice.Str("text"), StringComparison.Ordinal);
            Assert.Contains(incidentId, notice.Str("subject"), StringComparison.Ordinal);
        }

        // The incident the overrun became ends like any other: whoever was told it is broken hears it is fixed.
        await Rig.Api.RecordAsync(new EventBody(service, "up", TestTime.Now.AddSeconds(1), "blackbox", "http"));
        foreach (var path in hooks)
        {
            await Rig.HookOfAsync(path, "incident.resolved");
            Assert.Equal([Scheduled, Started, Completed, "incident.detected", "incident.resolved"], Rig.Hooks(path).Select(Type));
        }

        var after = await Rig.WindowAsync(id);
        Assert.Equal(("completed", true, incidentId), (after.Str("state"), after.GetProperty("overran").GetBoolean(), after.Str("overrunIncidentId")));
    }

    private async Task<(string Service, string HookPath)> ServiceWithClientAsync(string prefix)
    {
        var service = await Rig.CreateServiceAsync(prefix);
        var (_, hook) = await ClientOfAsync(service);
        return (service, hook);
    }

    /// <summary>A new client of <paramref name="service"/> with one webhook contact; returns its id and the contact's path.</summary>
    private async Task<(string Client, string HookPath)> ClientOfAsync(string service)
    {
        var client = TestIds.Unique("client");
        var hook = $"/hooks/{client}";
        await Rig.DefineClientAsync(client, "Europe/Berlin", [service], [Rig.HookContact($"{client}-hook", hook)]);
        return (client, hook);
    }

    /// <summary>Schedules a window of 12 s starting in 3 s, without reminders, and waits until its service shows it.</summary>
    /// <remarks>
    /// The tests check the window is still in progress after two events and a pause; with 5 s a loaded
    /// machine got there after the end (it failed CI once).
    /// </remarks>
    private async Task<string> RunningWindowAsync(string service)
    {
        var start = SecondsAhead(3);
        var window = await Rig.ScheduleAsync(new
        {
            serviceIds = new[] { service },
            start,
            end = start.AddSeconds(12),
            title = "Schema migration",
            noticeLeadTimes = Array.Empty<string>(),
        });
        await Eventually.HoldsAsync(async () => (await Rig.Api.GetServiceAsync(service)).Str("status") == "under_maintenance", $"{service} under maintenance", StepSeconds);
        return window.Str("id");
    }

    /// <summary>While the window still runs: no incident for the service, nothing but the window's own notices, and the service still shows the work.</summary>
    private async Task AssertNoIncidentAsync(string service, string[] hooks, string windowId)
    {
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal("in_progress", (await Rig.WindowAsync(windowId)).Str("state"));
        Assert.Empty(await Rig.Api.IncidentIdsOfAsync(service));
        var shown = await Rig.Api.GetServiceAsync(service);
        Assert.Equal("under_maintenance", shown.Str("status"));
        Assert.True(shown.IsNull("openIncidentId"), $"an incident opened inside the window: {shown}");
        Assert.All(hooks, hook => Assert.DoesNotContain(Rig.Hooks(hook), h => Type(h).StartsWith("incident.", StringComparison.Ordinal)));
    }
}
