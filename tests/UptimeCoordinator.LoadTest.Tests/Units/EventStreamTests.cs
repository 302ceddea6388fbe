using System.Text.Json;
using UptimeCoordinator.LoadTest.Driving;

namespace UptimeCoordinator.LoadTest.Tests.Units;

/// <summary>The shared stream: its shape, its transitions, and the two bodies it becomes.</summary>
public sealed class EventStreamTests
{
    // An hour before "now": Alertmanager takes an alert whose endsAt is already past as resolved.
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset AnHourAgo = Now.AddHours(-1);

    [Fact]
    public void EachServiceReportsOncePerRoundInTurn()
    {
        var stream = EventStream.Generate(services: 3, count: 12, hold: 2);

        Assert.Equal(
            ["svc-0", "svc-1", "svc-2", "svc-0", "svc-1", "svc-2", "svc-0", "svc-1", "svc-2", "svc-0", "svc-1", "svc-2"],
            stream.Select(e => e.ServiceId));
    }

    [Fact]
    public void AServiceStartsDownAndFlipsEveryHoldRounds()
    {
        var stream = EventStream.Generate(services: 3, count: 18, hold: 2);

        foreach (var service in new[] { "svc-0", "svc-1", "svc-2" })
        {
            Assert.Equal([true, true, false, false, true, true], stream.Where(e => e.ServiceId == service).Select(e => e.Down));
        }
    }

    [Theory]
    [InlineData(3, 12, 2, 6)] // rounds down, down, up, up: each service's first report and one flip
    [InlineData(3, 14, 2, 8)] // a fifth round begun: svc-0 and svc-1 flip back to down
    [InlineData(3, 5, 2, 3)] // fewer reports than a round: only first reports
    [InlineData(2, 6, 1, 6)] // hold 1: every report is a flip
    public void TransitionsAreEachServicesFirstReportPlusEachFlip(int services, int count, int hold, int transitions) =>
        Assert.Equal(transitions, EventStream.Transitions(EventStream.Generate(services, count, hold)));

    [Fact]
    public void RepeatedStatusesAreNotTransitions()
    {
        StreamEvent[] reports =
        [
            new("a", Down: true),
            new("a", Down: true),
            new("b", Down: false),
            new("a", Down: false),
            new("b", Down: false),
        ];

        Assert.Equal(3, EventStream.Transitions(reports));
    }

    [Fact]
    public void TheCoordinatorBodyOfASingleEventIsAnObject()
    {
        using var json = JsonDocument.Parse(EventStream.CoordinatorBody([new StreamEvent("svc-7", Down: true)]));
        var root = json.RootElement;

        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        Assert.Equal("svc-7", root.GetProperty("serviceId").GetString());
        Assert.Equal("down", root.GetProperty("status").GetString());
        Assert.Equal("loadtest", root.GetProperty("source").GetString());
        Assert.Equal("http", root.GetProperty("check").GetString());
    }

    [Fact]
    public void TheCoordinatorBodyOfSeveralEventsIsAnArrayInStreamOrder()
    {
        using var json = JsonDocument.Parse(EventStream.CoordinatorBody([new StreamEvent("svc-1", Down: true), new StreamEvent("svc-2", Down: false)]));
        var root = json.RootElement;

        Assert.Equal(JsonValueKind.Array, root.ValueKind);
        Assert.Equal(["svc-1", "svc-2"], root.EnumerateArray().Select(e => e.GetProperty("serviceId").GetString()));
        Assert.Equal(["down", "up"], root.EnumerateArray().Select(e => e.GetProperty("status").GetString()));
    }

    [Fact]
    public void TheAlertmanagerBodyOfASingleEventIsStillAnArray()
    {
        using var json = JsonDocument.Parse(EventStream.AlertmanagerBody([new StreamEvent("svc-7", Down: true)], AnHourAgo));

        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        Assert.Equal(1, json.RootElement.GetArrayLength());
    }

    [Fact]
    public void ADownReportIsAFiringAlertWithoutEndsAt()
    {
        using var json = JsonDocument.Parse(EventStream.AlertmanagerBody([new StreamEvent("svc-7", Down: true)], AnHourAgo));
        var alert = json.RootElement[0];

        Assert.False(alert.TryGetProperty("endsAt", out _));
        Assert.Equal(AnHourAgo, alert.GetProperty("startsAt").GetDateTimeOffset());
    }

    [Fact]
    public void AnUpReportResolvesWithAnEndsAtAfterItsStartButAlreadyPast()
    {
        using var json = JsonDocument.Parse(EventStream.AlertmanagerBody([new StreamEvent("svc-7", Down: false)], AnHourAgo));
        var alert = json.RootElement[0];
        var startsAt = alert.GetProperty("startsAt").GetDateTimeOffset();
        var endsAt = alert.GetProperty("endsAt").GetDateTimeOffset();

        Assert.True(endsAt > startsAt, $"endsAt {endsAt:O} is not after startsAt {startsAt:O}");
        Assert.True(endsAt < Now, $"endsAt {endsAt:O} is not in the past, so Alertmanager would keep the alert firing");
    }

    [Fact]
    public void AnAlertIsLabelledWithItsNameAndService()
    {
        using var json = JsonDocument.Parse(EventStream.AlertmanagerBody([new StreamEvent("svc-7", Down: true)], AnHourAgo));
        var labels = json.RootElement[0].GetProperty("labels");

        Assert.Equal("ServiceDown", labels.GetProperty("alertname").GetString());
        Assert.Equal("svc-7", labels.GetProperty("service").GetString());
    }

    [Fact]
    public void BothSystemsAreFedTheSameReportsInTheSameOrder()
    {
        // The side-by-side comparison is only fair if the two bodies carry one and the same stream.
        var stream = EventStream.Generate(services: 3, count: 12, hold: 2);

        var ours = EventStream.Bodies(stream, 5, EventStream.CoordinatorBody)
            .SelectMany(body => Elements(body))
            .Select(e => (e.GetProperty("serviceId").GetString(), e.GetProperty("status").GetString() == "down"));
        var theirs = EventStream.Bodies(stream, 5, batch => EventStream.AlertmanagerBody(batch, AnHourAgo))
            .SelectMany(body => Elements(body))
            .Select(e => (e.GetProperty("labels").GetProperty("service").GetString(), !e.TryGetProperty("endsAt", out _)));

        var expected = stream.Select(e => ((string?)e.ServiceId, e.Down)).ToList();
        Assert.Equal(expected, ours);
        Assert.Equal(expected, theirs);
    }

    [Fact]
    public void BodiesTakeConsecutiveEventsInBatchesWithASmallerLastOne()
    {
        var stream = EventStream.Generate(services: 3, count: 12, hold: 2);

        var bodies = EventStream.Bodies(stream, 5, batch => string.Join(",", batch.Select(e => e.ServiceId)));

        Assert.Equal(["svc-0,svc-1,svc-2,svc-0,svc-1", "svc-2,svc-0,svc-1,svc-2,svc-0", "svc-1,svc-2"], bodies);
    }

    private static List<JsonElement> Elements(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.ValueKind == JsonValueKind.Array
            ? [.. json.RootElement.EnumerateArray().Select(e => e.Clone())]
            : [json.RootElement.Clone()];
    }
}
