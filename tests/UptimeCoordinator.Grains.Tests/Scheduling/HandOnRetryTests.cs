using UptimeCoordinator.Contracts.Clients;
using UptimeCoordinator.Contracts.Incidents;
using UptimeCoordinator.Contracts.Notices;
using UptimeCoordinator.Contracts.Services;
using UptimeCoordinator.Contracts.Subscriptions;
using UptimeCoordinator.Domain.Health;
using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Grains.Tests.Infrastructure;
using static UptimeCoordinator.Grains.Tests.Infrastructure.TestData;

namespace UptimeCoordinator.Grains.Tests.Scheduling;

/// <summary>
/// Work handed on from one grain to the next that fails for a moment, as while a silo dies or Redis
/// is away, goes through within seconds of the fault clearing. The reminders behind it tick once a
/// minute (the first a minute after arming), and every wait here ends well before that.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class HandOnRetryTests(ClusterFixture fixture) : IDisposable
{
    private static readonly TimeSpan WellBeforeTheReminder = TimeSpan.FromSeconds(15);

    private SharedStore Store => fixture.Store;

    public void Dispose() => Store.Refuses = _ => false;

    [Fact]
    public async Task AnIncidentThatCouldNotBeToldOfItsServiceIsToldSoonAfter()
    {
        var (service, client) = await SubscribedAsync();
        var serviceId = service.GetPrimaryKeyString();
        var refusedBefore = Store.Refused;
        Store.Refuses = grain => grain.Type.ToString() == "incident" && grain.Key.ToString()!.StartsWith(serviceId, StringComparison.Ordinal);

        await service.RecordHealthAsync([Event(HealthStatus.Down, 0)]);
        var incidentId = (await service.GetAsync())!.OpenIncidentId!;
        Assert.True(Store.Refused > refusedBefore, "the incident's storage was never asked, so the hand-over did not fail");
        Store.Refuses = _ => false;

        await Eventually.HoldsAsync(async () => await fixture.Grains.GetGrain<IIncidentGrain>(incidentId).GetAsync() is not null, "the incident to be readable", WellBeforeTheReminder);
        var told = Assert.Single(await fixture.Dispatcher.WaitForAsync(client.GetPrimaryKeyString(), 1));
        Assert.Equal(NoticeKind.IncidentDetected, told.Kind);
    }

    [Fact]
    public async Task AClientThatCouldNotBeToldOfATransitionIsToldSoonAfter()
    {
        var (service, client) = await SubscribedAsync();
        var clientGrain = client.GetGrainId();
        Store.Refuses = grain => grain == clientGrain;

        await service.RecordHealthAsync([Event(HealthStatus.Down, 0)]);
        await Eventually.HoldsAsync(() => Task.FromResult(Store.Refused > 0), "the client's storage to be asked", WellBeforeTheReminder);
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        Assert.Empty(fixture.Dispatcher.DispatchedFor(client.GetPrimaryKeyString()));
        Store.Refuses = _ => false;

        var told = Assert.Single(await fixture.Dispatcher.WaitForAsync(client.GetPrimaryKeyString(), 1));
        Assert.Equal(NoticeKind.IncidentDetected, told.Kind);
    }

    // Finding who a transition reaches can fail before any client is called: here a dependent
    // service's subscriber list cannot be loaded. That transition must not be left in the queue for good.
    [Fact]
    public async Task AFanOutThatCouldNotFindWhoItReachesIsTriedAgain()
    {
        var (service, client) = await SubscribedAsync();
        var dependent = fixture.Grains.GetGrain<IServiceGrain>(UniqueId("dependent"));
        Assert.NotEqual(DefineServiceOutcome.Rejected, (await dependent.DefineAsync(Spec("Dependent", [service.GetPrimaryKeyString()]))).Outcome);
        var dependentsIndex = fixture.Grains.GetGrain<ISubscriptionIndexGrain>(dependent.GetPrimaryKeyString()).GetGrainId();
        var refusedBefore = Store.Refused;
        Store.Refuses = grain => grain == dependentsIndex;

        await service.RecordHealthAsync([Event(HealthStatus.Down, 0)]);
        await Eventually.HoldsAsync(() => Task.FromResult(Store.Refused > refusedBefore), "the dependent's subscriber list to be loaded", WellBeforeTheReminder);
        Store.Refuses = _ => false;

        var told = Assert.Single(await fixture.Dispatcher.WaitForAsync(client.GetPrimaryKeyString(), 1));
        Assert.Equal(NoticeKind.IncidentDetected, told.Kind);
    }

    [Fact]
    public async Task ABulletinThatCouldNotReachAClientReachesItSoonAfter()
    {
        var (service, client) = await SubscribedAsync();
        await service.RecordHealthAsync([Event(HealthStatus.Down, 0)]);
        var detected = Assert.Single(await fixture.Dispatcher.WaitForAsync(client.GetPrimaryKeyString(), 1));
        await client.RecordDeliveryAsync(new NoticeOutcomeMessage(detected.NoticeId, NoticeState.Sent, 1, null, DateTimeOffset.UtcNow));
        var incident = fixture.Grains.GetGrain<IIncidentGrain>((await service.GetAsync())!.OpenIncidentId!);
        var clientGrain = client.GetGrainId();
        var refusedBefore = Store.Refused;
        Store.Refuses = grain => grain == clientGrain;

        Assert.Equal(IncidentCommandOutcome.Done, (await incident.AcknowledgeAsync(new AcknowledgeIncident("Alice", null, "on it"))).Outcome);
        await Eventually.HoldsAsync(() => Task.FromResult(Store.Refused > refusedBefore), "the client's storage to be asked", WellBeforeTheReminder);
        Store.Refuses = _ => false;

        var told = await fixture.Dispatcher.WaitForAsync(client.GetPrimaryKeyString(), 2);
        Assert.Equal(NoticeKind.IncidentAcknowledged, told[1].Kind);
    }

    private async Task<(IServiceGrain Service, IClientGrain Client)> SubscribedAsync()
    {
        var service = fixture.Grains.GetGrain<IServiceGrain>(UniqueId());
        Assert.NotEqual(DefineServiceOutcome.Rejected, (await service.DefineAsync(Spec())).Outcome);
        var client = fixture.Grains.GetGrain<IClientGrain>(UniqueId("client"));
        var defined = await client.DefineAsync(new ClientSpec("Acme", "Europe/Berlin", [new SubscriptionSpec(service.GetPrimaryKeyString(), 1)],
            [new ContactSpec("alice", "Alice", "alice@client.example", null, null, null, null, null, "UTC")]));
        Assert.Equal(DefineClientOutcome.Created, defined.Outcome);
        return (service, client);
    }
}
