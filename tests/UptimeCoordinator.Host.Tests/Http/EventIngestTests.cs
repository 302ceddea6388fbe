using System.Net;
using System.Text.Json;

namespace UptimeCoordinator.Host.Tests.Http;

/// <summary><c>POST /api/v1/events</c>: one event or an array, validated whole, applied idempotently.</summary>
[Collection(SharedCoordinatorCollection.Name)]
public sealed class EventIngestTests(CoordinatorFixture fixture)
{
    private CoordinatorClient Api => fixture.Api;

    [Fact]
    public async Task SingleEventObjectIsAccepted()
    {
        var id = await NewServiceAsync();

        using var response = await Api.PostEventAsync(new EventBody(id, "down", TestTime.Now, "blackbox", "http", "timeout", TestIds.Unique("evt")));

        await AssertAcceptedAsync(response, accepted: 1, duplicates: 0);
        Assert.Equal("major_outage", (await Api.GetServiceAsync(id)).Str("status"));
    }

    [Fact]
    public async Task ArrayOfEventsIsAcceptedAndAppliedInOrder()
    {
        var id = await NewServiceAsync();
        var other = await NewServiceAsync();

        using var response = await Api.PostEventsAsync(
        [
            EventBody.Down(id, TestTime.MinutesAgo(3)),
            EventBody.Up(id, TestTime.MinutesAgo(2)),
            EventBody.Down(other, TestTime.MinutesAgo(1)),
        ]);

        await AssertAcceptedAsync(response, accepted: 3, duplicates: 0);
        Assert.Equal("operational", (await Api.GetServiceAsync(id)).Str("status"));
        Assert.Equal("major_outage", (await Api.GetServiceAsync(other)).Str("status"));
    }

    [Fact]
    public async Task EventWithoutOptionalFieldsIsObservedNowOnTheDefaultCheck()
    {
        var id = await NewServiceAsync();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        using var response = await Api.PostEventAsync(new EventBody(id, "degraded"));

        await AssertAcceptedAsync(response, accepted: 1, duplicates: 0);
        var service = await Api.GetServiceAsync(id);
        Assert.Equal("degraded_performance", service.Str("status"));
        var check = Assert.Single(service.GetProperty("checks").EnumerateArray());
        Assert.Equal("default", check.Str("name"));
        Assert.Equal("degraded", check.Str("status"));
        Assert.InRange(check.Time("lastObservedAt"), before, DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task RepeatedEventIdIsAcceptedAsDuplicate()
    {
        var id = await NewServiceAsync();
        var first = new EventBody(id, "down", TestTime.MinutesAgo(2), EventId: TestIds.Unique("evt"));

        using var original = await Api.PostEventAsync(first);
        using var retry = await Api.PostEventAsync(first);

        await AssertAcceptedAsync(original, accepted: 1, duplicates: 0);
        await AssertAcceptedAsync(retry, accepted: 0, duplicates: 1);
    }

    [Fact]
    public async Task RepeatedEventIdIsIgnoredEvenWhenItsContentDiffers()
    {
        var id = await NewServiceAsync();
        var eventId = TestIds.Unique("evt");
        await Api.RecordAsync(new EventBody(id, "down", TestTime.MinutesAgo(2), EventId: eventId));

        using var response = await Api.PostEventAsync(new EventBody(id, "up", TestTime.MinutesAgo(1), EventId: eventId));

        await AssertAcceptedAsync(response, accepted: 0, duplicates: 1);
        Assert.Equal("major_outage", (await Api.GetServiceAsync(id)).Str("status"));
    }

    [Fact]
    public async Task RepeatedEventIdWithinOneBatchCountsOnce()
    {
        var id = await NewServiceAsync();
        var once = new EventBody(id, "down", TestTime.MinutesAgo(1), EventId: TestIds.Unique("evt"));

        using var response = await Api.PostEventsAsync([once, once]);

        await AssertAcceptedAsync(response, accepted: 1, duplicates: 1);
    }

    [Fact]
    public async Task ThousandEventsAreAccepted()
    {
        var id = await NewServiceAsync();
        var start = TestTime.MinutesAgo(30);

        using var response = await Api.PostEventsAsync(Enumerable.Range(0, 1000).Select(i => new EventBody(id, "up", start.AddSeconds(i))));

        await AssertAcceptedAsync(response, accepted: 1000, duplicates: 0);
    }

    [Fact]
    public async Task MoreThanThousandEventsAreRejectedAndNoneApplied()
    {
        var id = await NewServiceAsync();
        var start = TestTime.MinutesAgo(30);

        using var response = await Api.PostEventsAsync(Enumerable.Range(0, 1001).Select(i => EventBody.Down(id, start.AddSeconds(i))));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(Problem.Errors(problem).Values.SelectMany(m => m), m => m.Contains("1000", StringComparison.Ordinal));
        await AssertUntouchedAsync(id);
    }

    [Fact]
    public async Task EmptyArrayIsRejected()
    {
        using var response = await Api.Monitor.PostAsync("/api/v1/events", Json.Raw("[]"));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.NotEmpty(Problem.Errors(problem));
    }

    [Theory]
    [InlineData("42")]
    [InlineData("\"down\"")]
    [InlineData("null")]
    [InlineData("[42]")]
    public async Task BodyThatIsNeitherEventNorArrayOfEventsIsRejected(string body)
    {
        using var response = await Api.Monitor.PostAsync("/api/v1/events", Json.Raw(body));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task UnknownStatusIsRejectedKeyedByItemAndNothingApplied()
    {
        var id = await NewServiceAsync();

        using var response = await Api.PostEventsAsync([EventBody.Down(id, TestTime.MinutesAgo(1)), new EventBody(id, "sideways", TestTime.Now)]);

        var messages = await Problem.AssertValidationAsync(response, "[1].status");
        Assert.Contains(messages, m => m.Contains("status", StringComparison.Ordinal));
        await AssertUntouchedAsync(id);
    }

    [Theory]
    [InlineData("""{"status":"down"}""", "serviceId")]
    [InlineData("""{"serviceId":"Not A Slug","status":"down"}""", "serviceId")]
    [InlineData("""{"serviceId":"web"}""", "status")]
    [InlineData("""{"serviceId":"web","status":"DOWN!"}""", "status")]
    [InlineData("""{"serviceId":"web","status":"down","observedAt":"yesterday"}""", "observedAt")]
    [InlineData("""{"serviceId":"web","status":"down","observedAt":"2026-01-15T14:00:00"}""", "observedAt")]
    [InlineData("""{"serviceId":"web","status":"down","observedAt":"2026-01-15"}""", "observedAt")]
    public async Task InvalidEventIsRejectedNamingTheField(string body, string field)
    {
        using var response = await Api.Monitor.PostAsync("/api/v1/events", Json.Raw(body));

        await Problem.AssertValidationAsync(response, field);
    }

    [Fact]
    public async Task OverlongMessageIsRejected()
    {
        var id = await NewServiceAsync();

        using var response = await Api.PostEventAsync(new EventBody(id, "down", TestTime.Now, Message: new string('m', 1001)));

        await Problem.AssertValidationAsync(response, "message");
        await AssertUntouchedAsync(id);
    }

    [Fact]
    public async Task DownEventForUnknownServiceRejectsWholeBatch()
    {
        var id = await NewServiceAsync();
        var unknown = TestIds.Unique("ghost");

        using var response = await Api.PostEventsAsync([EventBody.Down(id, TestTime.MinutesAgo(1)), EventBody.Down(unknown, TestTime.MinutesAgo(1))]);

        var messages = await Problem.AssertValidationAsync(response, "[1].serviceId");
        Assert.Contains(messages, m => m.Contains(unknown, StringComparison.Ordinal));
        Assert.DoesNotContain("[0].serviceId", Problem.Errors(await response.ReadJsonAsync()).Keys);
        await AssertUntouchedAsync(id);
        Assert.Empty(await Api.IncidentIdsOfAsync(id));
    }

    [Fact]
    public async Task BatchNamingAServiceRemovedSinceItsLastEventsIsRejectedWhole()
    {
        // The host remembers services that took events, to skip asking them again: a removal must reset that.
        var kept = await NewServiceAsync();
        var removed = await NewServiceAsync();
        using (var first = await Api.PostEventsAsync([EventBody.Up(kept, TestTime.MinutesAgo(3)), EventBody.Up(removed, TestTime.MinutesAgo(3))]))
        {
            await AssertAcceptedAsync(first, accepted: 2, duplicates: 0);
        }

        using (var delete = await Api.Ops.DeleteAsync($"/api/v1/services/{removed}"))
        {
            Assert.Equal(System.Net.HttpStatusCode.NoContent, delete.StatusCode);
        }

        using var response = await Api.PostEventsAsync([EventBody.Down(kept, TestTime.MinutesAgo(1)), EventBody.Down(removed, TestTime.MinutesAgo(1))]);

        await Problem.AssertValidationAsync(response, "[1].serviceId");
        var service = await Api.GetServiceAsync(kept);
        Assert.Equal("operational", service.Str("status"));
        Assert.Empty(await Api.IncidentIdsOfAsync(kept));
    }

    [Fact]
    public async Task SingleEventForUnknownServiceIsRejected()
    {
        var unknown = TestIds.Unique("ghost");

        using var response = await Api.PostEventAsync(EventBody.Down(unknown, TestTime.Now));

        var messages = await Problem.AssertValidationAsync(response, "serviceId");
        Assert.Contains(messages, m => m.Contains(unknown, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ObservedAtAnHourInTheFutureIsRejected()
    {
        var id = await NewServiceAsync();

        using var response = await Api.PostEventAsync(EventBody.Down(id, DateTimeOffset.UtcNow.AddHours(1)));

        await Problem.AssertValidationAsync(response, "observedAt");
        await AssertUntouchedAsync(id);
    }

    [Fact]
    public async Task ObservedAtWithAnOffsetIsTheSameInstantWhateverTheOffset()
    {
        var id = await NewServiceAsync();
        var instant = TestTime.MinutesAgo(30);
        var local = instant.ToOffset(TimeSpan.FromHours(-5)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture);

        using var response = await Api.Monitor.PostAsync("/api/v1/events", Json.Raw($$"""{"serviceId":"{{id}}","status":"down","observedAt":"{{local}}"}"""));

        await AssertAcceptedAsync(response, accepted: 1, duplicates: 0);
        var since = (await Api.GetServiceAsync(id)).Time("since");
        Assert.Equal(instant.ToUnixTimeMilliseconds(), since.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task ObservedAtSlightlyAheadIsToleratedAsClockSkew()
    {
        var id = await NewServiceAsync();

        using var response = await Api.PostEventAsync(EventBody.Down(id, DateTimeOffset.UtcNow.AddMinutes(1)));

        await AssertAcceptedAsync(response, accepted: 1, duplicates: 0);
    }

    [Fact]
    public async Task OutOfOrderEventDoesNotFlipTheStatusBack()
    {
        var id = await NewServiceAsync();
        await Api.RecordAsync(EventBody.Down(id, TestTime.MinutesAgo(1)));
        var incident = await Api.OpenIncidentIdAsync(id);

        using var response = await Api.PostEventAsync(EventBody.Up(id, TestTime.MinutesAgo(2)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var service = await Api.GetServiceAsync(id);
        Assert.Equal("major_outage", service.Str("status"));
        Assert.Equal(incident, service.NullableStr("openIncidentId"));
        Assert.Equal("detected", (await Api.GetIncidentAsync(incident)).Str("stage"));
    }

    [Fact]
    public async Task OutOfOrderEventOnAnotherCheckStillCounts()
    {
        var id = await NewServiceAsync();
        await Api.RecordAsync(EventBody.Up(id, TestTime.MinutesAgo(5), check: "dns"), EventBody.Up(id, TestTime.MinutesAgo(1), check: "http"));
        await Api.RecordAsync(EventBody.Down(id, TestTime.MinutesAgo(1), check: "http"));

        // Older than the newest event of the service, but the newest of its own check.
        await Api.RecordAsync(EventBody.Down(id, TestTime.MinutesAgo(3), check: "dns"));

        Assert.Equal("major_outage", (await Api.GetServiceAsync(id)).Str("status"));
    }

    private async Task<string> NewServiceAsync()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id);
        return id;
    }

    private async Task AssertUntouchedAsync(string id)
    {
        var service = await Api.GetServiceAsync(id);
        Assert.Equal("operational", service.Str("status"));
        Assert.True(service.IsNull("openIncidentId"));
        Assert.Empty(service.GetProperty("checks").EnumerateArray());
    }

    private static async Task AssertAcceptedAsync(HttpResponseMessage response, int accepted, int duplicates)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        var body = document.RootElement;
        Assert.Equal(accepted, body.GetProperty("accepted").GetInt32());
        Assert.Equal(duplicates, body.GetProperty("duplicates").GetInt32());
    }
}
