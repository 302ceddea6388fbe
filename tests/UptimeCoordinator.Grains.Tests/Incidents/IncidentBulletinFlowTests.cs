using UptimeCoordinator.Contracts.Clients;
using UptimeCoordinator.Contracts.Incidents;
using UptimeCoordinator.Contracts.Notices;
using UptimeCoordinator.Contracts.Services;
using UptimeCoordinator.Domain.Health;
using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Domain.Services;
using UptimeCoordinator.Grains.Tests.Infrastructure;
using static UptimeCoordinator.Grains.Tests.Infrastructure.TestData;

namespace UptimeCoordinator.Grains.Tests.Incidents;

/// <summary>From a responder's action on the incident grain, through its broadcast, to each client's outbox and the dispatcher.</summary>
[Collection(ClusterCollection.Name)]
public sealed class IncidentBulletinFlowTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private RecordingDispatcher Dispatcher => fixture.Dispatcher;

    private async Task<(IServiceGrain Service, IClientGrain Client, IIncidentGrain Incident)> OutageToldAsync(QuietHoursSpec? quiet = null)
    {
        var service = fixture.Grains.GetGrain<IServiceGrain>(UniqueId());
        Assert.NotEqual(DefineServiceOutcome.Rejected, (await service.DefineAsync(Spec())).Outcome);
        var client = fixture.Grains.GetGrain<IClientGrain>(UniqueId("client"));
        await client.DefineAsync(new ClientSpec("Acme", "Europe/Berlin", [new SubscriptionSpec(service.GetPrimaryKeyString(), 1)],
            [new ContactSpec("alice", "Alice", "alice@client.example", null, null, null, null, quiet, "UTC")]));
        await service.RecordHealthAsync([Event(HealthStatus.Down, 0)]);
        var detected = Assert.Single(await Dispatcher.WaitForAsync(client.GetPrimaryKeyString(), 1));
        await client.RecordDeliveryAsync(new NoticeOutcomeMessage(detected.NoticeId, NoticeState.Sent, 1, null, DateTimeOffset.UtcNow));
        var incident = fixture.Grains.GetGrain<IIncidentGrain>((await service.GetAsync())!.OpenIncidentId!);
        return (service, client, incident);
    }

    [Fact]
    public async Task AnAcknowledgementReachesTheClientOnceEvenWhenHandedOutAgain()
    {
        var (service, client, incident) = await OutageToldAsync();
        var eta = DateTimeOffset.UtcNow.AddHours(1);

        var result = await incident.AcknowledgeAsync(new AcknowledgeIncident("Alice", eta, "on it"));

        Assert.Equal(IncidentCommandOutcome.Done, result.Outcome);
        var told = await Dispatcher.WaitForAsync(client.GetPrimaryKeyString(), 2);
        Assert.Equal(NoticeKind.IncidentAcknowledged, told[1].Kind);
        Assert.EndsWith(":incident.acknowledged:u1:" + client.GetPrimaryKeyString() + ":alice:email", told[1].NoticeId, StringComparison.Ordinal);

        // The broadcast may run again after a crash: the same bulletin finds its notice planned.
        var view = result.Incident!;
        await client.ApplyIncidentBulletinAsync(new IncidentBulletinMessage(
            1, BulletinKind.Acknowledged, view.AcknowledgedAt!.Value, "Alice", "on it", eta, null, null, null, null,
            view.Id, view.Title, view.Severity, view.Stage, view.OpenedAt, null,
            [new BulletinServiceMessage(service.GetPrimaryKeyString(), "Some service", ServiceStatus.MajorOutage, null, null)]));

        Assert.Equal(2, (await client.ListNoticesAsync(null, 50))!.Items.Length);
        Assert.Equal(2, Dispatcher.DispatchedFor(client.GetPrimaryKeyString()).Count);
        Assert.Equal(eta, Assert.Single((await client.GetStatusAsync())!.Incidents).Eta);
    }

    [Fact]
    public async Task AClientReadingItsStatusWhileTheIncidentTellsItNeverDeadlocks()
    {
        var (_, client, incident) = await OutageToldAsync();

        // The incident's broadcast waits on the client while the client's status read waits on the
        // incident; only an interleaving read of the incident lets both finish.
        var reads = Enumerable.Range(0, 50).Select(_ => client.GetStatusAsync()).ToList();
        var updates = new List<Task<IncidentCommandResult>>();
        for (var i = 0; i < 5; i++)
        {
            updates.Add(incident.PostUpdateAsync(new PostIncidentUpdate("Alice", $"update {i}", IncidentStage.Investigating, null)));
            reads.AddRange(Enumerable.Range(0, 10).Select(_ => client.GetStatusAsync()));
        }

        var all = Task.WhenAll(Task.WhenAll(reads), Task.WhenAll(updates));
        Assert.Same(all, await Task.WhenAny(all, Task.Delay(Bound)));
        Assert.All(updates, u => Assert.Equal(IncidentCommandOutcome.Done, u.Result.Outcome));
        // Delivery goes one notice at a time per story, and this dispatcher never reports back: the outbox has them all.
        NoticeView[] notices = [];
        await Eventually.HoldsAsync(async () => (notices = (await client.ListNoticesAsync(null, 50))!.Items).Length >= 6, "six notices in the outbox", Bound);
        Assert.Equal([NoticeKind.IncidentDetected, .. Enumerable.Repeat(NoticeKind.IncidentUpdate, 5)], notices.Reverse().Select(n => n.Kind));
    }

    [Fact]
    public async Task AStaffResolveReleasesTheServiceSoItsNextOutageOpensAFreshIncident()
    {
        var (service, client, incident) = await OutageToldAsync();

        var resolved = await incident.ResolveAsync(new ResolveIncident("Alice", "Restarted it", ["restart"], 5, []));
        Assert.Equal(IncidentStage.Resolved, resolved.Incident!.Stage);
        await Dispatcher.WaitForAsync(client.GetPrimaryKeyString(), 2);

        // The release is one-way: wait until the service lets go of the incident.
        await Eventually.HoldsAsync(async () => (await service.GetAsync())!.OpenIncidentId is null, "the service to release its incident", Bound);
        Assert.Equal(IncidentCommandOutcome.Conflict, (await incident.AcknowledgeAsync(new AcknowledgeIncident("Bob", null, null))).Outcome);
    }
    [Fact]
    public async Task AnUpdateHeldForQuietHoursIsSupersededSoTheResolutionGoesOutAtOnce()
    {
        // Quiet hours around now: the update waits for the morning, the resolution does not.
        var minute = (int)DateTimeOffset.UtcNow.TimeOfDay.TotalMinutes;
        static TimeSpan Clock(int minutes) => TimeSpan.FromMinutes(((minutes % 1440) + 1440) % 1440);
        var quiet = new QuietHoursSpec(Clock(minute - 60), Clock(minute + 60));

        var (_, client, incident) = await OutageToldAsync(quiet);
        await incident.PostUpdateAsync(new PostIncidentUpdate("Alice", "Still digging", IncidentStage.Investigating, null));
        await Eventually.HoldsAsync(async () => (await client.ListNoticesAsync(null, 50))!.Items.Length >= 2, "the update in the outbox", Bound);
        var held = (await client.ListNoticesAsync(null, 50))!.Items[0];
        Assert.Equal((NoticeKind.IncidentUpdate, NoticeState.Pending), (held.Kind, held.State));
        Assert.True(held.DueAt > DateTimeOffset.UtcNow, "The update should be held for quiet hours.");

        await incident.ResolveAsync(new ResolveIncident("Alice", "Fixed", [], null, []));

        var told = await Dispatcher.WaitForAsync(client.GetPrimaryKeyString(), 2);
        Assert.Equal(NoticeKind.IncidentResolved, told[1].Kind);
        var notices = (await client.ListNoticesAsync(null, 50))!.Items.Reverse().ToArray();
        Assert.Equal(
            [(NoticeKind.IncidentDetected, NoticeState.Sent), (NoticeKind.IncidentUpdate, NoticeState.Superseded), (NoticeKind.IncidentResolved, NoticeState.Pending)],
            notices.Select(n => (n.Kind, n.State)));
    }
}
