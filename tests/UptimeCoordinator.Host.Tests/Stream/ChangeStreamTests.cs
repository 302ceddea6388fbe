using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using UptimeCoordinator.Contracts.Changes;
using UptimeCoordinator.Contracts.Incidents;
using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Domain.Services;
using UptimeCoordinator.Host.Stream;
using UptimeCoordinator.Host.Tests.Http;

namespace UptimeCoordinator.Host.Tests.Stream;

/// <summary><c>GET /api/v1/stream</c> through one host: what it carries, to whom, and how it resumes.</summary>
public sealed class ChangeStreamTests(StreamAppFixture fixture) : IClassFixture<StreamAppFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private CoordinatorClient Api => fixture.Api;

    [Fact]
    public async Task DownEventShowsAsMajorOutageThenIncidentOpened()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id);
        await using var stream = await SseReader.OpenAsync(Api.Ops);

        var observedAt = TestTime.MinutesAgo(1);
        await Api.RecordAsync(EventBody.Down(id, observedAt));

        var status = await stream.NextEventAsync("service.status", ForService(id), Wait);
        var opened = await stream.NextEventAsync("incident.changed", m => m.Json().Strings("serviceIds").Contains(id), Wait);
        var statusData = status.Json();
        Assert.Equal("operational", statusData.Str("from"));
        Assert.Equal("major_outage", statusData.Str("to"));
        Assert.Equal(observedAt, statusData.Time("since"));
        var incident = opened.Json();
        Assert.Equal("opened", incident.Str("kind"));
        Assert.Equal("detected", incident.Str("stage"));
        Assert.Equal("critical", incident.Str("severity"));
        Assert.Equal(await Api.OpenIncidentIdAsync(id), incident.Str("incidentId"));
        Assert.Equal(incident.Str("incidentId"), statusData.Str("openIncidentId"));
        Assert.True(opened.EventId > status.EventId, stream.Transcript());
    }

    [Fact]
    public async Task AcknowledgementAndRecoveryShowAsIncidentChanges()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id);
        await Api.RecordAsync(EventBody.Down(id, TestTime.MinutesAgo(2)));
        var incidentId = await Api.OpenIncidentIdAsync(id);
        await using var stream = await SseReader.OpenAsync(Api.Ops);

        Assert.Equal(IncidentCommandOutcome.Done, (await Grains.GetGrain<IIncidentGrain>(incidentId).AcknowledgeAsync(new AcknowledgeIncident("ops:alice", null, "looking"))).Outcome);
        var acknowledged = await stream.NextEventAsync("incident.changed", ForIncident(incidentId, "acknowledged"), Wait);
        await Api.RecordAsync(EventBody.Up(id, TestTime.MinutesAgo(1)));
        var recovered = await stream.NextEventAsync("service.status", m => ForService(id)(m) && m.Json().Str("to") == "operational", Wait);
        var resolved = await stream.NextEventAsync("incident.changed", ForIncident(incidentId, "resolved"), Wait);

        // Delivery is asynchronous: the opening may arrive after this connection did, but never after what followed it.
        Assert.DoesNotContain(stream.Seen.SkipWhile(m => m != acknowledged), m => m.Data?.Contains("\"opened\"", StringComparison.Ordinal) == true);
        Assert.Equal("acknowledged", acknowledged.Json().Str("stage"));
        Assert.Equal("major_outage", recovered.Json().Str("from"));
        Assert.True(recovered.Json().IsNull("openIncidentId"));
        Assert.Equal("resolved", resolved.Json().Str("stage"));
        Assert.True(acknowledged.EventId < recovered.EventId && recovered.EventId < resolved.EventId, stream.Transcript());
    }

    [Fact]
    public async Task EventIdsIncreaseAndLastEventIdReplaysWhatCameAfterIt()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id);
        List<SseMessage> live = [];
        await using (var first = await SseReader.OpenAsync(Api.Ops))
        {
            await Api.RecordAsync(EventBody.Down(id, TestTime.MinutesAgo(3)));
            live.Add(await first.NextEventAsync("service.status", ForService(id), Wait));
            live.Add(await first.NextEventAsync("incident.changed", ForServiceIds(id), Wait));
            await Api.RecordAsync(EventBody.Up(id, TestTime.MinutesAgo(2)));
            live.Add(await first.NextEventAsync("service.status", ForService(id), Wait));
            live.Add(await first.NextEventAsync("incident.changed", ForServiceIds(id), Wait));
        }

        Assert.Equal(live.Select(m => m.EventId).Order(), live.Select(m => m.EventId));

        // Disconnected after the first event: the header resumes after it, the query parameter too.
        await using var resumed = await SseReader.OpenAsync(Api.Ops, lastEventId: live[0].Id);
        await using var resumedByQuery = await SseReader.OpenAsync(Api.Ops, path: $"{SseReader.Path}?lastEventId={live[0].Id}");
        foreach (var reader in new[] { resumed, resumedByQuery })
        {
            var replayed = new List<SseMessage>();
            while (replayed.Count < 3)
            {
                var message = await reader.NextAsync(Wait);
                if (message.IsEvent && message.Data!.Contains(id, StringComparison.Ordinal))
                {
                    replayed.Add(message);
                }
            }

            Assert.Equal(live.Skip(1).Select(m => m.ToString()), replayed.Select(m => m.ToString()));
        }
    }

    [Fact]
    public async Task LastEventIdThisHostCannotPlaceReplaysEverythingBuffered()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id);
        await Api.RecordAsync(EventBody.Down(id, TestTime.MinutesAgo(1)));
        var feed = fixture.App.Services.GetRequiredService<ChangeFeed>();
        await WaitUntilAsync(() => feed.LastEventId > 0 && HasBuffered(feed, id));

        await using var stream = await SseReader.OpenAsync(Api.Ops, lastEventId: "999999999");

        await stream.NextEventAsync("service.status", ForService(id), Wait);
    }

    [Fact]
    public async Task HeartbeatsArriveAsCommentsWhileNothingChanges()
    {
        await using var stream = await SseReader.OpenAsync(Api.Ops);

        var connected = await stream.NextAsync(Wait);
        var heartbeat = await stream.NextCommentAsync("heartbeat", StreamAppFixture.Heartbeat * 5);

        Assert.Contains("connected", connected.Comments);
        Assert.False(heartbeat.IsEvent);
    }

    [Fact]
    public async Task ClientKeyGetsAStreamWithHeartbeatsButNoOpsEvents()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id);
        await using var client = await SseReader.OpenAsync(Api.Client);
        await using var ops = await SseReader.OpenAsync(Api.Ops);

        await Api.RecordAsync(EventBody.Down(id, TestTime.MinutesAgo(1)));
        await ops.NextEventAsync("incident.changed", ForServiceIds(id), Wait);

        // The feed handed the events to every connection before ops read them; two heartbeats later
        // anything meant for the client would have been written ahead of them.
        await client.NextCommentAsync("heartbeat", Wait);
        await client.NextCommentAsync("heartbeat", Wait);
        Assert.DoesNotContain(client.Seen, m => m.IsEvent);
    }

    [Fact]
    public async Task NoticesShowAsNoticeChangesToOpsAndToTheirOwnClientOnly()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id);
        foreach (var client in new[] { "acme", $"other-{id}" })
        {
            using var put = await Api.Ops.PutAsync($"/api/v1/clients/{client}", Json.Content(new
            {
                name = client,
                timeZone = "UTC",
                subscriptions = new[] { new { serviceId = id } },
                contacts = new[] { new { id = "ops", name = "Ops", email = $"ops@{client}.example" } },
            }));
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        await using var acme = await SseReader.OpenAsync(Api.Client);
        await using var ops = await SseReader.OpenAsync(Api.Ops);

        await Api.RecordAsync(EventBody.Down(id, TestTime.MinutesAgo(1)));

        // Planned, then given back by delivery (no SMTP here) with the reason: both are changes.
        var planned = await ops.NextEventAsync("notice.changed", m => m.Json().Str("clientId") == $"other-{id}", Wait);
        Assert.Equal("pending", planned.Json().Str("state"));
        Assert.Equal("incident.detected", planned.Json().Str("kind"));
        var own = await acme.NextEventAsync("notice.changed", m => m.Json().Str("subjectId") == planned.Json().Str("subjectId"), Wait);
        Assert.Equal("acme", own.Json().Str("clientId"));
        await acme.NextEventAsync("notice.changed", m => m.Json().Str("subjectId") == planned.Json().Str("subjectId") && !m.Json().IsNull("lastError"), Wait);
        await acme.NextCommentAsync("heartbeat", Wait);

        // Acme also sees the service and incident changes of the service it uses, but never another client's notices.
        Assert.All(acme.Seen.Where(m => m.IsEvent && m.Event == "notice.changed"), m => Assert.Equal("acme", m.Json().Str("clientId")));
        Assert.Contains(acme.Seen, m => m.IsEvent && m.Event == "incident.changed");
    }

    [Fact]
    public async Task MonitorKeyMayNotReadTheStream()
    {
        using var response = await Api.Monitor.GetAsync(SseReader.Path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task StreamWithoutAKeyIsUnauthorized()
    {
        using var response = await Api.Anonymous.GetAsync(SseReader.Path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("Last-Event-ID", "abc")]
    [InlineData("Last-Event-ID", "-1")]
    [InlineData("lastEventId", "1.5")]
    public async Task MalformedLastEventIdIsABadRequest(string name, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, name == "lastEventId" ? $"{SseReader.Path}?lastEventId={value}" : SseReader.Path);
        if (name != "lastEventId")
        {
            request.Headers.Add(name, value);
        }

        using var response = await Api.Ops.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(name, out _));
    }

    [Fact]
    public async Task ClosingTheConnectionEndsItsSubscription()
    {
        var feed = fixture.App.Services.GetRequiredService<ChangeFeed>();
        await using (var stream = await SseReader.OpenAsync(Api.Ops))
        {
            await stream.NextAsync(Wait);
            Assert.True(feed.SubscriberCount >= 1);
        }

        await WaitUntilAsync(() => feed.SubscriberCount == 0);
    }

    [Fact]
    public async Task OpenApiDescribesTheStream()
    {
        using var response = await Api.Anonymous.GetAsync("/openapi/v1.json");
        var operation = (await response.ReadJsonAsync()).GetProperty("paths").GetProperty("/api/v1/stream").GetProperty("get");

        Assert.Equal("StreamChanges", operation.Str("operationId"));
        Assert.Contains("Stream", operation.Strings("tags"));
        Assert.True(operation.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/event-stream", out _), operation.ToString());
    }

    public static TheoryData<ChangeEvent> Changes => new()
    {
        new ServiceStatusChanged("db", ServiceStatus.Operational, ServiceStatus.MajorOutage, TestTime.Now, "db-1"),
        new ServiceStatusChanged("db", ServiceStatus.MajorOutage, ServiceStatus.Operational, TestTime.Now, null),
        new IncidentChanged("db-1", IncidentChangeKind.Reopened, "db: major outage", IncidentStage.Detected, IncidentSeverity.Critical, ["db", "web"], TestTime.Now),
        new NoticeChanged("acme", "db-1:incident.detected:1:acme:ops:email", NoticeKind.IncidentDetected, NoticeChannel.Email, "ops", "db-1",
            NoticeState.Failed, 6, "HTTP 503", TestTime.Now),
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void ChangeEventsRoundTripThroughTheOrleansSerializerAsTheirBaseType(ChangeEvent change)
    {
        var serializer = fixture.App.Services.GetRequiredService<Serializer>();

        var copy = serializer.Deserialize<ChangeEvent>(serializer.SerializeToArray(change))!;

        Assert.Equal(change.GetType(), copy.GetType());
        Assert.Equal(JsonSerializer.Serialize<object>(change), JsonSerializer.Serialize<object>(copy));
    }

    private IGrainFactory Grains => fixture.App.Services.GetRequiredService<IGrainFactory>();

    private static Func<SseMessage, bool> ForService(string id) => m => m.Json().Str("serviceId") == id;

    private static Func<SseMessage, bool> ForServiceIds(string id) => m => m.Json().Strings("serviceIds").Contains(id);

    private static Func<SseMessage, bool> ForIncident(string id, string kind) =>
        m => m.Json() is var change && change.Str("incidentId") == id && change.Str("kind") == kind;

    private static bool HasBuffered(ChangeFeed feed, string serviceId)
    {
        using var subscription = feed.Subscribe(0, _ => true);
        return subscription.Replay.Any(e => e.Change is ServiceStatusChanged s && s.ServiceId == serviceId);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not true within {Wait.TotalSeconds:0} s.");
            await Task.Delay(20);
        }
    }
}
