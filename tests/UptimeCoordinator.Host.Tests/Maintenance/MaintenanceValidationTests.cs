using System.Net;
using UptimeCoordinator.Host.Tests.Http;
using static UptimeCoordinator.Host.Tests.Maintenance.MaintenanceRig;

namespace UptimeCoordinator.Host.Tests.Maintenance;

/// <summary>
/// What the maintenance API refuses, and to whom: a bad window is a 400 problem naming the field and
/// leaves nothing behind; only a scheduled window can move; a client key sees only the windows that
/// reach its services, and a monitor key none.
/// </summary>
public sealed class MaintenanceValidationTests(MaintenanceRigFixture fixture) : IClassFixture<MaintenanceRigFixture>
{
    private const string Path = "/api/v1/maintenance";

    /// <summary>The client of <see cref="ApiKeys.Client"/>, which every <see cref="CoordinatorApp"/> configures.</summary>
    private const string KeyClient = "acme";

    private MaintenanceRig Rig => fixture.Rig;

    [Fact]
    public async Task ScheduleRefusesABadWindowNamingTheFieldAndCreatesNothing()
    {
        var service = await Rig.CreateServiceAsync("valid");
        var start = SecondsAhead(3600);
        (string Field, object Body)[] cases =
        [
            ("start", Window([service], TestTime.Now.AddMinutes(-10), start)),
            ("end", Window([service], start, start)),
            ("end", Window([service], start, start.AddMinutes(-1))),
            ("end", Window([service], start, start.AddDays(7).AddMinutes(1))),
            ("serviceIds[1]", Window([service, "no-such-service"], start, start.AddHours(1))),
            ("serviceIds", Window([], start, start.AddHours(1))),
            ("noticeLeadTimes[1]", Window([service], start, start.AddHours(1), ["PT1H", "tomorrow"])),
            ("noticeLeadTimes[0]", Window([service], start, start.AddHours(1), ["PT0S"])),
            ("title", new { serviceIds = new[] { service }, start, end = start.AddHours(1) }),
            ("start", new { serviceIds = new[] { service }, end = start.AddHours(1), title = "No start" }),
        ];

        foreach (var (field, body) in cases)
        {
            using var response = await Rig.PostAsync(Path, body);
            var messages = await Problem.AssertValidationAsync(response, field);
            Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m)));
        }

        Assert.Empty(await Rig.ListedIdsAsync($"state=all&serviceId={service}"));
        using var badFilter = await Rig.Api.Ops.GetAsync($"{Path}?state=finished");
        await Problem.AssertValidationAsync(badFilter, "state");
    }

    [Fact]
    public async Task AWindowOverlappingAnotherOnTheSameServiceIsRefusedNamingItButAnotherServiceMayTakeTheSameTime()
    {
        var service = await Rig.CreateServiceAsync("busy");
        var other = await Rig.CreateServiceAsync("free");
        var start = SecondsAhead(7200);
        var first = (await Rig.ScheduleAsync(Window([service], start, start.AddHours(1)))).Str("id");

        using (var overlapping = await Rig.PostAsync(Path, Window([service], start.AddMinutes(30), start.AddMinutes(90))))
        {
            var messages = await Problem.AssertValidationAsync(overlapping, "start");
            Assert.Contains(messages, m => m.Contains(first, StringComparison.Ordinal));
        }

        // Back to back is not overlapping: one ends when the other begins.
        var next = (await Rig.ScheduleAsync(Window([service], start.AddHours(1), start.AddHours(2)))).Str("id");
        var elsewhere = (await Rig.ScheduleAsync(Window([other], start, start.AddHours(1)))).Str("id");
        Assert.Equal([first, next], await Rig.ListedIdsAsync($"state=all&serviceId={service}"));
        Assert.Equal([[first], [next]], (await Rig.Api.PagesAsync($"{Path}?state=all&serviceId={service}", 1)).Select(p => p.Select(w => w.Str("id")).ToList()));
        Assert.Equal([elsewhere], await Rig.ListedIdsAsync($"state=all&serviceId={other}"));

        // Moving one window onto another is refused the same way, and leaves it where it was.
        using (var moved = await Rig.PostAsync($"{Path}/{next}/reschedule", new { start = start.AddMinutes(15), end = start.AddMinutes(75) }))
        {
            var messages = await Problem.AssertValidationAsync(moved, "start");
            Assert.Contains(messages, m => m.Contains(first, StringComparison.Ordinal));
        }

        var unmoved = await Rig.WindowAsync(next);
        Assert.Equal((start.AddHours(1), 0), (unmoved.Time("start"), unmoved.GetProperty("revision").GetInt32()));
        using var past = await Rig.PostAsync($"{Path}/{next}/reschedule", new { start = TestTime.Now.AddHours(-2), end = TestTime.Now.AddHours(-1) });
        await Problem.AssertValidationAsync(past, "start");
    }

    [Fact]
    public async Task OfOverlappingWindowsAskedForAtOnceExactlyOneIsScheduled()
    {
        var service = await Rig.CreateServiceAsync("race");
        var start = SecondsAhead(5 * 3600);
        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(async i =>
        {
            using var response = await Rig.PostAsync(Path, Window([service], start.AddMinutes(i), start.AddMinutes(i + 30)));
            return response.StatusCode;
        }));

        Assert.Equal(1, answers.Count(a => a == HttpStatusCode.Created));
        Assert.Equal(4, answers.Count(a => a == HttpStatusCode.BadRequest));
        Assert.Single(await Rig.ListedIdsAsync($"state=all&serviceId={service}"));
    }

    [Fact]
    public async Task OnlyAScheduledWindowCanBeRescheduledOrCancelled()
    {
        var service = await Rig.CreateServiceAsync("done");
        var start = SecondsAhead(2);
        var completed = (await Rig.ScheduleAsync(Window([service], start, start.AddSeconds(1), []))).Str("id");
        var later = SecondsAhead(3600);
        var cancelled = (await Rig.ScheduleAsync(Window([service], later, later.AddHours(1)))).Str("id");
        await Rig.CommandAsync(cancelled, "cancel", new { by = "Alice", reason = "Not needed after all" });
        await Rig.WaitForStateAsync(completed, "completed");

        foreach (var (id, state) in new[] { (completed, "completed"), (cancelled, "cancelled") })
        {
            using var reschedule = await Rig.PostAsync($"{Path}/{id}/reschedule", new { start = later.AddHours(5), end = later.AddHours(6) });
            var problem = await Problem.AssertAsync(reschedule, HttpStatusCode.Conflict);
            Assert.Contains(state, problem.Str("detail"), StringComparison.Ordinal);
            using var cancel = await Rig.PostAsync($"{Path}/{id}/cancel", new { by = "Alice" });
            await Problem.AssertAsync(cancel, HttpStatusCode.Conflict);
            Assert.Equal(state, (await Rig.WindowAsync(id)).Str("state"));
        }

        // A cancelled window holds its service's time no longer.
        await Rig.ScheduleAsync(Window([service], later, later.AddHours(1)));
    }

    [Fact]
    public async Task AServiceWithAPlannedWindowCannotBeDeletedUntilTheWindowIsCancelled()
    {
        var service = await Rig.CreateServiceAsync("planned");
        var start = SecondsAhead(3600);
        var window = (await Rig.ScheduleAsync(Window([service], start, start.AddHours(1)))).Str("id");

        using (var refused = await Rig.Api.Ops.DeleteAsync($"/api/v1/services/{service}"))
        {
            var problem = await Problem.AssertAsync(refused, HttpStatusCode.Conflict);
            Assert.Contains(window, problem.Str("detail"), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await Rig.Api.Ops.GetAsync($"/api/v1/services/{service}")).StatusCode);
        await Rig.CommandAsync(window, "cancel", new { by = "Alice", reason = "Service retired" });
        Assert.Equal("Alice", (await Rig.WindowAsync(window)).GetProperty("notices")[1].Str("by"));

        using var removed = await Rig.Api.Ops.DeleteAsync($"/api/v1/services/{service}");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
    }

    [Fact]
    public async Task AnUnknownWindowIsNotFound()
    {
        const string unknown = "mw-20991231T2300Z-00000000";
        foreach (var response in new[]
                 {
                     await Rig.Api.Ops.GetAsync($"{Path}/{unknown}"),
                     await Rig.Api.Ops.GetAsync($"{Path}/{unknown}/calendar.ics"),
                     await Rig.PostAsync($"{Path}/{unknown}/cancel", new { by = "Alice" }),
                     await Rig.PostAsync($"{Path}/{unknown}/reschedule", new { start = SecondsAhead(3600), end = SecondsAhead(7200) }),
                 })
        {
            using (response)
            {
                await Problem.AssertAsync(response, HttpStatusCode.NotFound);
            }
        }
    }

    [Fact]
    public async Task AClientKeySeesTheWindowsThatReachItsServicesThroughDependenciesToo()
    {
        var db = await Rig.CreateServiceAsync("db");
        var web = await Rig.CreateServiceAsync("web", db);
        var unrelated = await Rig.CreateServiceAsync("other");
        await Rig.DefineClientAsync(KeyClient, "Europe/Berlin", [web], [MailContact($"{KeyClient}-mail")]);
        var start = SecondsAhead(3 * 3600);
        var reaching = (await Rig.ScheduleAsync(Window([db], start, start.AddHours(1)))).Str("id");
        var foreign = (await Rig.ScheduleAsync(Window([unrelated], start, start.AddHours(1)))).Str("id");
        var client = Rig.Api.Client;

        using (var seen = await client.GetAsync($"{Path}/{reaching}"))
        {
            Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
            Assert.Equal(reaching, (await seen.ReadJsonAsync()).Str("id"));
        }

        using (var invite = await client.GetAsync($"{Path}/{reaching}/calendar.ics"))
        {
            Assert.Equal(HttpStatusCode.OK, invite.StatusCode);
            Assert.Equal("text/calendar", invite.Content.Headers.ContentType?.MediaType);
            Assert.Contains($"UID:{reaching}@uptime-coordinator", await invite.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var list = await client.GetAsync($"{Path}?state=all&limit=200"))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            var ids = (await list.ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(w => w.Str("id")).ToList();
            Assert.Contains(reaching, ids);
            Assert.DoesNotContain(foreign, ids);
        }

        using (var hidden = await client.GetAsync($"{Path}/{foreign}"))
        {
            await Problem.AssertAsync(hidden, HttpStatusCode.NotFound);
        }

        using (var hiddenInvite = await client.GetAsync($"{Path}/{foreign}/calendar.ics"))
        {
            await Problem.AssertAsync(hiddenInvite, HttpStatusCode.NotFound);
        }

        using (var plan = await Rig.PostAsync(Path, Window([web], start.AddDays(1), start.AddDays(1).AddHours(1)), client))
        {
            await Problem.AssertAsync(plan, HttpStatusCode.Forbidden);
        }

        using (var cancel = await Rig.PostAsync($"{Path}/{reaching}/cancel", new { by = "acme" }, client))
        {
            await Problem.AssertAsync(cancel, HttpStatusCode.Forbidden);
        }

        Assert.Equal("scheduled", (await Rig.WindowAsync(reaching)).Str("state"));
    }

    [Fact]
    public async Task AMonitorKeyMayNeitherReadNorPlanMaintenance()
    {
        var service = await Rig.CreateServiceAsync("mon");
        var start = SecondsAhead(4 * 3600);
        var id = (await Rig.ScheduleAsync(Window([service], start, start.AddHours(1)))).Str("id");
        var monitor = Rig.Api.Monitor;
        foreach (var response in new[]
                 {
                     await monitor.GetAsync(Path),
                     await monitor.GetAsync($"{Path}/{id}"),
                     await monitor.GetAsync($"{Path}/{id}/calendar.ics"),
                     await Rig.PostAsync(Path, Window([service], start.AddDays(1), start.AddDays(1).AddHours(1)), monitor),
                     await Rig.PostAsync($"{Path}/{id}/cancel", new { by = "monitor" }, monitor),
                     await Rig.PostAsync($"{Path}/suggestions", new { serviceIds = new[] { service }, duration = "PT1H" }, monitor),
                 })
        {
            using (response)
            {
                await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
            }
        }

        using var anonymous = await Rig.Api.Anonymous.GetAsync(Path);
        await Problem.AssertAsync(anonymous, HttpStatusCode.Unauthorized);
        Assert.Equal([id], await Rig.ListedIdsAsync($"state=all&serviceId={service}"));
    }

    private static object Window(string[] serviceIds, DateTimeOffset start, DateTimeOffset end, string[]? noticeLeadTimes = null) =>
        new { serviceIds, start, end, title = "Planned work", noticeLeadTimes };
}
