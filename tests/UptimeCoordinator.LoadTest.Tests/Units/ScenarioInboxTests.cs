using UptimeCoordinator.LoadTest.Receiving;

namespace UptimeCoordinator.LoadTest.Tests.Units;

/// <summary>One scenario's deliveries: first arrivals in order, repeats only counted.</summary>
public sealed class ScenarioInboxTests
{
    // Long enough never to fire when the arrival is already there; short for the tests that expect a timeout.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Moment = TimeSpan.FromMilliseconds(100);

    [Fact]
    public void ARepeatedIdIsCountedButNotKept()
    {
        var inbox = new ScenarioInbox();

        inbox.Record(Detected("msg-1", contact: "c1/first"));
        inbox.Record(Detected("msg-1", contact: "c1/retry"));
        inbox.Record(Detected("msg-2"));

        Assert.Equal(2, inbox.Distinct);
        Assert.Equal(1, inbox.Repeats);
        Assert.Equal("c1/first", Assert.Single(inbox.All, a => a.Id == "msg-1").Contact);
    }

    [Fact]
    public async Task ARepeatedIdIsNotHandedOutAgain()
    {
        var inbox = new ScenarioInbox();
        inbox.Record(Detected("msg-1"));
        inbox.Record(Detected("msg-1"));
        inbox.Record(Detected("msg-2"));

        Assert.Equal("msg-1", (await inbox.NextAsync(_ => true, Patience)).Id);
        Assert.Equal("msg-2", (await inbox.NextAsync(_ => true, Patience)).Id);
    }

    [Fact]
    public async Task NextSkipsArrivalsThatDoNotMatch()
    {
        var inbox = new ScenarioInbox();
        inbox.Record(new Arrival("s", "c1/a", "msg-1", "incident.resolved", null, 1));
        inbox.Record(Detected("msg-2"));

        var next = await inbox.NextAsync(a => a.Type == "incident.detected", Patience);

        Assert.Equal("msg-2", next.Id);
    }

    [Fact]
    public async Task NextWaitsForAnArrivalRecordedLater()
    {
        var inbox = new ScenarioInbox();

        var next = inbox.NextAsync(_ => true, Patience);
        inbox.Record(Detected("msg-1"));

        Assert.Equal("msg-1", (await next).Id);
    }

    [Fact]
    public async Task CollectReturnsTheRequestedNumberOfMatchesInArrivalOrder()
    {
        var inbox = new ScenarioInbox();
        foreach (var id in new[] { "msg-1", "msg-2", "msg-3", "msg-4", "msg-5" })
        {
            inbox.Record(Detected(id));
        }

        var collected = await inbox.CollectAsync(a => a.Type == "incident.detected", 3, Patience);

        Assert.Equal(["msg-1", "msg-2", "msg-3"], collected.Select(a => a.Id));
    }

    [Fact]
    public async Task NextTimesOutWhenNothingArrives() =>
        await Assert.ThrowsAsync<TimeoutException>(() => new ScenarioInbox().NextAsync(_ => true, Moment));

    [Fact]
    public async Task NextTimesOutWhenNothingThatArrivedMatches()
    {
        var inbox = new ScenarioInbox();
        inbox.Record(new Arrival("s", "c1/a", "msg-1", "incident.resolved", null, 1));

        await Assert.ThrowsAsync<TimeoutException>(() => inbox.NextAsync(a => a.Type == "incident.detected", Moment));
    }

    private static Arrival Detected(string id, string contact = "c1/a") => new("s", contact, id, "incident.detected", null, 1);
}
