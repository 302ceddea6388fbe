using System.Text.Json;

namespace UptimeCoordinator.Host.Tests.Http;

/// <summary>
/// Incidents as monitoring drives them, seen through <c>/api/v1/incidents</c>: opened when detection
/// trips, escalated, resolved on recovery, reopened on a quick recurrence (default window PT15M).
/// </summary>
[Collection(SharedCoordinatorCollection.Name)]
public sealed class IncidentLifecycleTests(CoordinatorFixture fixture)
{
    private CoordinatorClient Api => fixture.Api;

    [Fact]
    public async Task DownEventOpensDetectedCriticalIncident()
    {
        var id = await NewServiceAsync();
        var downAt = TestTime.MinutesAgo(2);

        await Api.RecordAsync(EventBody.Down(id, downAt, source: "blackbox"));

        var service = await Api.GetServiceAsync(id);
        Assert.Equal("major_outage", service.Str("status"));
        var incidentId = service.Str("openIncidentId");
        var incident = await Api.GetIncidentAsync(incidentId);
        Assert.Equal(incidentId, incident.Str("id"));
        Assert.Equal("detected", incident.Str("stage"));
        Assert.Equal("critical", incident.Str("severity"));
        Assert.Equal([id], incident.Strings("serviceIds"));
        Assert.Equal(downAt, incident.Time("openedAt"));
        Assert.True(incident.IsNull("resolvedAt"));
        Assert.Equal(0, incident.GetProperty("reopenCount").GetInt32());
        Assert.Contains(incidentId, await Api.IncidentIdsAsync("open"));
    }

    [Fact]
    public async Task OpenedIncidentTimelineSaysWhoSawWhat()
    {
        var id = await NewServiceAsync();
        var downAt = TestTime.MinutesAgo(2);

        await Api.RecordAsync(new EventBody(id, "down", downAt, "blackbox", "http", "connection refused"));

        var entry = Assert.Single(Timeline(await Api.GetIncidentAsync(await Api.OpenIncidentIdAsync(id))));
        Assert.Equal("opened", entry.Str("kind"));
        Assert.Equal("detected", entry.Str("stage"));
        Assert.Equal("blackbox", entry.Str("source"));
        Assert.Equal(id, entry.Str("serviceId"));
        Assert.Equal("major_outage", entry.Str("serviceStatus"));
        Assert.Equal("connection refused", entry.Str("message"));
        Assert.Equal(downAt, entry.Time("at"));
    }

    [Fact]
    public async Task UpEventResolvesTheIncident()
    {
        var id = await NewServiceAsync();
        await Api.RecordAsync(EventBody.Down(id, TestTime.MinutesAgo(10), source: "blackbox"));
        var incidentId = await Api.OpenIncidentIdAsync(id);
        var upAt = TestTime.MinutesAgo(4);

        await Api.RecordAsync(EventBody.Up(id, upAt, source: "prometheus"));

        var incident = await Api.GetIncidentAsync(incidentId);
        Assert.Equal("resolved", incident.Str("stage"));
        Assert.Equal(upAt, incident.Time("resolvedAt"));
        Assert.Equal("critical", incident.Str("severity"));
        var timeline = Timeline(incident);
        Assert.Equal(["opened", "resolved"], timeline.Select(e => e.Str("kind")));
        Assert.Equal(["blackbox", "prometheus"], timeline.Select(e => e.Str("source")));
        Assert.Equal("operational", timeline[1].Str("serviceStatus"));
        var service = await Api.GetServiceAsync(id);
        Assert.Equal("operational", service.Str("status"));
        Assert.True(service.IsNull("openIncidentId"));
        Assert.DoesNotContain(incidentId, await Api.IncidentIdsAsync("open"));
        Assert.Contains(incidentId, await Api.IncidentIdsAsync("all"));
    }

    [Fact]
    public async Task RepeatedDownEventsAddNothingToTheTimeline()
    {
        var id = await NewServiceAsync();

        await Api.RecordAsync(EventBody.Down(id, TestTime.MinutesAgo(3)), EventBody.Down(id, TestTime.MinutesAgo(2)));
        await Api.RecordAsync(EventBody.Down(id, TestTime.MinutesAgo(1)));

        Assert.Single(Timeline(await Api.GetIncidentAsync(await Api.OpenIncidentIdAsync(id))));
    }

    [Fact]
    public async Task RecurrenceWithinReopenWindowReopensTheSameIncident()
    {
        var id = await NewServiceAsync();
        await Api.RecordAsync(EventBody.Down(id, TestTime.MinutesAgo(30)), EventBody.Up(id, TestTime.MinutesAgo(29)));
        var first = Assert.Single(await Api.IncidentIdsOfAsync(id));

        await Api.RecordAsync(EventBody.Down(id, TestTime.MinutesAgo(20)));

        Assert.Equal(first, await Api.OpenIncidentIdAsync(id));
        var incident = await Api.GetIncidentAsync(first);
        Assert.Equal("detected", incident.Str("stage"));
        Assert.Equal(1, incident.GetProperty("reopenCount").GetInt32());
        Assert.True(incident.IsNull("resolvedAt"));
        Assert.Equal(["opened", "resolved", "reopened"], Timeline(incident).Select(e => e.Str("kind")));
        Assert.Equal([first], await Api.IncidentIdsOfAsync(id));
        Assert.Contains(first, await Api.IncidentIdsAsync("open"));
    }

    [Fact]
    public async Task RecurrenceAfterReopenWindowOpensANewIncident()
    {
        var id = await NewServiceAsync();
        await Api.RecordAsync(EventBody.Down(id, TestTime.MinutesAgo(180)), EventBody.Up(id, TestTime.MinutesAgo(120)));
        var first = Assert.Single(await Api.IncidentIdsOfAsync(id));

        var recurredAt = TestTime.MinutesAgo(60);
        await Api.RecordAsync(EventBody.Down(id, recurredAt));

        var second = await Api.OpenIncidentIdAsync(id);
        Assert.NotEqual(first, second);
        Assert.Equal("resolved", (await Api.GetIncidentAsync(first)).Str("stage"));
        var incident = await Api.GetIncidentAsync(second);
        Assert.Equal("detected", incident.Str("stage"));
        Assert.Equal(0, incident.GetProperty("reopenCount").GetInt32());
        Assert.Equal(recurredAt, incident.Time("openedAt"));
        Assert.Equal([second, first], await Api.IncidentIdsOfAsync(id));
    }

    [Fact]
    public async Task OneOfTwoChecksDownIsPartialOutageWithMajorSeverity()
    {
        var id = await NewServiceAsync();
        await Api.RecordAsync(EventBody.Up(id, TestTime.MinutesAgo(5), check: "http"), EventBody.Up(id, TestTime.MinutesAgo(5), check: "dns"));

        await Api.RecordAsync(EventBody.Down(id, TestTime.MinutesAgo(4), check: "http"));

        var service = await Api.GetServiceAsync(id);
        Assert.Equal("partial_outage", service.Str("status"));
        var incident = await Api.GetIncidentAsync(service.Str("openIncidentId"));
        Assert.Equal("major", incident.Str("severity"));
        Assert.Equal("detected", incident.Str("stage"));
    }

    [Fact]
    public async Task BothChecksDownIsMajorOutageAndEscalatesTheIncident()
    {
        var id = await NewServiceAsync();
        await Api.RecordAsync(EventBody.Up(id, TestTime.MinutesAgo(5), check: "http"), EventBody.Up(id, TestTime.MinutesAgo(5), check: "dns"));
        await Api.RecordAsync(EventBody.Down(id, TestTime.MinutesAgo(4), check: "http"));
        var incidentId = await Api.OpenIncidentIdAsync(id);

        await Api.RecordAsync(EventBody.Down(id, TestTime.MinutesAgo(3), check: "dns"));

        Assert.Equal("major_outage", (await Api.GetServiceAsync(id)).Str("status"));
        var incident = await Api.GetIncidentAsync(incidentId);
        Assert.Equal("critical", incident.Str("severity"));
        Assert.Equal(["opened", "status_changed"], Timeline(incident).Select(e => e.Str("kind")));
        Assert.Equal(incidentId, await Api.OpenIncidentIdAsync(id));
    }

    [Fact]
    public async Task SeverityDoesNotDropWhileTheIncidentIsOpen()
    {
        var id = await NewServiceAsync();
        await Api.RecordAsync(EventBody.Down(id, TestTime.MinutesAgo(4)));

        await Api.RecordAsync(new EventBody(id, "degraded", TestTime.MinutesAgo(3)));

        Assert.Equal("degraded_performance", (await Api.GetServiceAsync(id)).Str("status"));
        var incident = await Api.GetIncidentAsync(await Api.OpenIncidentIdAsync(id));
        Assert.Equal("critical", incident.Str("severity"));
        Assert.Equal("detected", incident.Str("stage"));
    }

    [Fact]
    public async Task DegradedEventOpensMinorIncident()
    {
        var id = await NewServiceAsync();

        await Api.RecordAsync(new EventBody(id, "degraded", TestTime.MinutesAgo(1)));

        var service = await Api.GetServiceAsync(id);
        Assert.Equal("degraded_performance", service.Str("status"));
        Assert.Equal("minor", (await Api.GetIncidentAsync(service.Str("openIncidentId"))).Str("severity"));
    }

    [Fact]
    public async Task FailureThresholdOfThreeNeedsThreeDownEvents()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id, new { name = "Flaky", detection = new { failureThreshold = 3 } });

        await Api.RecordAsync(EventBody.Down(id, TestTime.MinutesAgo(3)));
        await Api.RecordAsync(EventBody.Down(id, TestTime.MinutesAgo(2)));
        var afterTwo = await Api.GetServiceAsync(id);
        var thirdAt = TestTime.MinutesAgo(1);
        await Api.RecordAsync(EventBody.Down(id, thirdAt));
        var afterThree = await Api.GetServiceAsync(id);

        Assert.Equal("operational", afterTwo.Str("status"));
        Assert.True(afterTwo.IsNull("openIncidentId"));
        Assert.Equal("major_outage", afterThree.Str("status"));
        Assert.Equal(thirdAt, (await Api.GetIncidentAsync(afterThree.Str("openIncidentId"))).Time("openedAt"));
    }

    [Fact]
    public async Task UpEventBetweenFailuresRestartsTheCount()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id, new { name = "Flaky", detection = new { failureThreshold = 3 } });

        await Api.RecordAsync(
            EventBody.Down(id, TestTime.MinutesAgo(5)),
            EventBody.Down(id, TestTime.MinutesAgo(4)),
            EventBody.Up(id, TestTime.MinutesAgo(3)),
            EventBody.Down(id, TestTime.MinutesAgo(2)),
            EventBody.Down(id, TestTime.MinutesAgo(1)));

        var service = await Api.GetServiceAsync(id);
        Assert.Equal("operational", service.Str("status"));
        Assert.True(service.IsNull("openIncidentId"));
    }

    [Fact]
    public async Task RecoveryThresholdOfTwoNeedsTwoUpEvents()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id, new { name = "Sticky", detection = new { recoveryThreshold = 2 } });
        await Api.RecordAsync(EventBody.Down(id, TestTime.MinutesAgo(3)));
        var incidentId = await Api.OpenIncidentIdAsync(id);

        await Api.RecordAsync(EventBody.Up(id, TestTime.MinutesAgo(2)));
        var afterOne = await Api.GetIncidentAsync(incidentId);
        var secondUpAt = TestTime.MinutesAgo(1);
        await Api.RecordAsync(EventBody.Up(id, secondUpAt));
        var afterTwo = await Api.GetIncidentAsync(incidentId);

        Assert.Equal("detected", afterOne.Str("stage"));
        Assert.Equal("resolved", afterTwo.Str("stage"));
        Assert.Equal(secondUpAt, afterTwo.Time("resolvedAt"));
    }

    private async Task<string> NewServiceAsync()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id);
        return id;
    }

    private static List<JsonElement> Timeline(JsonElement incident) => [.. incident.GetProperty("timeline").EnumerateArray()];
}
