using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using UptimeCoordinator.Contracts.Clients;
using UptimeCoordinator.Contracts.Notices;
using UptimeCoordinator.Contracts.Services;
using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Health;
using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Domain.Services;
using UptimeCoordinator.Grains.Clients;
using UptimeCoordinator.Grains.Services;
using UptimeCoordinator.Grains.Tests.Infrastructure;
using static UptimeCoordinator.Grains.Tests.Infrastructure.TestData;

namespace UptimeCoordinator.Grains.Tests.Clients;

/// <summary>From a service's outage, through its subscription index, to each client's outbox and the dispatcher.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClientNoticeFlowTests(ClusterFixture fixture)
{
    private RecordingDispatcher Dispatcher => fixture.Dispatcher;

    private static ContactSpec Email(string id) => new(id, $"Contact {id}", $"{id}@client.example", null, null, null, null, null, null);

    private static ContactSpec Hook(string id) =>
        new(id, $"Hook {id}", null, $"https://hooks.client.example/{id}", "whsec_c2VjcmV0LXNlY3JldA==", null, null, null, null);

    private async Task<IServiceGrain> ServiceAsync(string? dependsOn = null)
    {
        var service = fixture.Grains.GetGrain<IServiceGrain>(UniqueId());
        var defined = await service.DefineAsync(Spec(dependsOn: dependsOn is null ? [] : [dependsOn]));
        Assert.NotEqual(DefineServiceOutcome.Rejected, defined.Outcome);
        return service;
    }

    private async Task<IClientGrain> ClientAsync(string serviceId, params ContactSpec[] contacts)
    {
        var client = fixture.Grains.GetGrain<IClientGrain>(UniqueId("client"));
        var result = await client.DefineAsync(new ClientSpec("Acme", "Europe/Berlin", [new SubscriptionSpec(serviceId, 1)], contacts));
        Assert.Equal(DefineClientOutcome.Created, result.Outcome);
        return client;
    }

    private async Task<NoticeView[]> NoticesAsync(IClientGrain client) => (await client.ListNoticesAsync(null, 200))!.Items;

    [Fact]
    public async Task AnOutageIsHandedToDeliveryOncePerContactAndChannel()
    {
        var service = await ServiceAsync();
        var client = await ClientAsync(service.GetPrimaryKeyString(), Email("alice"), Hook("bot"));

        await service.RecordHealthAsync([Event(HealthStatus.Down, 0)]);

        var dispatched = await Dispatcher.WaitForAsync(client.GetPrimaryKeyString(), 2);
        Assert.Equal([NoticeChannel.Email, NoticeChannel.Webhook], dispatched.Select(d => d.Channel));
        Assert.All(dispatched, d => Assert.Equal(NoticeKind.IncidentDetected, d.Kind));
        Assert.Equal("whsec_c2VjcmV0LXNlY3JldA==", dispatched[1].Secret);
        Assert.NotNull(dispatched[1].Payload);
        var notices = await NoticesAsync(client);
        Assert.Equal(2, notices.Length);
        Assert.All(notices, n => Assert.Equal(NoticeState.Pending, n.State));
        var status = (await client.GetStatusAsync())!;
        Assert.Equal(ServiceStatus.MajorOutage, status.Status);
        Assert.Equal((await service.GetAsync())!.OpenIncidentId, Assert.Single(status.Incidents).Id);
    }

    [Fact]
    public async Task ClientsOfADependentServiceAreToldThroughTheDependencyAndOthersHearNothing()
    {
        var database = await ServiceAsync();
        var checkout = await ServiceAsync(dependsOn: database.GetPrimaryKeyString());
        var unrelated = await ServiceAsync();
        var shop = await ClientAsync(checkout.GetPrimaryKeyString(), Email("carol"));
        var bystander = await ClientAsync(unrelated.GetPrimaryKeyString(), Email("dave"));

        await database.RecordHealthAsync([Event(HealthStatus.Down, 0)]);

        var told = Assert.Single(await Dispatcher.WaitForAsync(shop.GetPrimaryKeyString(), 1));
        Assert.Contains("depends on", told.Content.Text, StringComparison.Ordinal);
        var affected = Assert.Single((await shop.GetStatusAsync())!.AffectedServices);
        Assert.Equal((checkout.GetPrimaryKeyString(), ServiceStatus.PartialOutage, database.GetPrimaryKeyString()), (affected.ServiceId, affected.Status, affected.Via));
        Assert.Empty(Dispatcher.DispatchedFor(bystander.GetPrimaryKeyString()));
        Assert.Empty(await NoticesAsync(bystander));
    }

    [Fact]
    public async Task AReplayedStepChangesNothingAndWritesNothing()
    {
        var service = await ServiceAsync();
        var client = await ClientAsync(service.GetPrimaryKeyString(), Email("erin"));
        await service.RecordHealthAsync([Event(HealthStatus.Down, 0)]);
        await Dispatcher.WaitForAsync(client.GetPrimaryKeyString(), 1);
        var incidentId = (await service.GetAsync())!.OpenIncidentId!;
        var writes = fixture.Store.WritesOf(client.GetGrainId());

        await client.ApplyIncidentStepAsync(new IncidentStepMessage(ServiceTransitionKind.Open, incidentId, service.GetPrimaryKeyString(),
            "Some service", 1, ServiceStatus.MajorOutage, Noon, null, [new ImpactedServiceMessage(service.GetPrimaryKeyString(), "Some service", null)]));

        Assert.Equal(writes, fixture.Store.WritesOf(client.GetGrainId()));
        Assert.Single(await NoticesAsync(client));
        Assert.Single(Dispatcher.DispatchedFor(client.GetPrimaryKeyString()));
    }

    [Fact]
    public async Task OutcomesOfSeveralNoticesAreRecordedWithOneWrite()
    {
        var service = await ServiceAsync();
        var client = await ClientAsync(service.GetPrimaryKeyString(), Email("gina"), Hook("gbot"), Email("hank"));
        await service.RecordHealthAsync([Event(HealthStatus.Down, 0)]);
        var dispatched = await Dispatcher.WaitForAsync(client.GetPrimaryKeyString(), 3);
        var writes = fixture.Store.WritesOf(client.GetGrainId());

        await client.RecordDeliveriesAsync([
            new NoticeOutcomeMessage(dispatched[0].NoticeId, NoticeState.Sent, 1, null, Noon),
            new NoticeOutcomeMessage(dispatched[1].NoticeId, NoticeState.Failed, 6, "connection refused", Noon),
            new NoticeOutcomeMessage(dispatched[2].NoticeId, NoticeState.Sent, 2, null, Noon),
        ]);

        Assert.Equal(writes + 1, fixture.Store.WritesOf(client.GetGrainId()));
        var states = (await NoticesAsync(client)).ToDictionary(n => n.Id, n => n.State);
        Assert.Equal(
            [NoticeState.Sent, NoticeState.Failed, NoticeState.Sent],
            dispatched.Select(d => states[d.NoticeId]));
    }

    [Fact]
    public async Task RecoveryAfterTheOutageNoticeWentOutSendsOneResolution()
    {
        var service = await ServiceAsync();
        var client = await ClientAsync(service.GetPrimaryKeyString(), Email("frank"));
        await service.RecordHealthAsync([Event(HealthStatus.Down, 0)]);
        var detected = Assert.Single(await Dispatcher.WaitForAsync(client.GetPrimaryKeyString(), 1));
        await client.RecordDeliveryAsync(new NoticeOutcomeMessage(detected.NoticeId, NoticeState.Sent, 1, null, Noon));

        await service.RecordHealthAsync([Event(HealthStatus.Up, 20)]);

        var both = await Dispatcher.WaitForAsync(client.GetPrimaryKeyString(), 2);
        Assert.Equal(NoticeKind.IncidentResolved, both[1].Kind);
        var notices = await NoticesAsync(client);
        Assert.Equal([NoticeState.Pending, NoticeState.Sent], notices.Select(n => n.State));
        Assert.Empty((await client.GetStatusAsync())!.Incidents);
    }

    [Fact]
    public async Task RecoveryBeforeTheOutageNoticeLeftWithdrawsItAndTellsNothing()
    {
        var service = await ServiceAsync();
        var client = await ClientAsync(service.GetPrimaryKeyString(), Email("grace"));
        await service.RecordHealthAsync([Event(HealthStatus.Down, 0)]);
        var detected = Assert.Single(await Dispatcher.WaitForAsync(client.GetPrimaryKeyString(), 1));

        await service.RecordHealthAsync([Event(HealthStatus.Up, 1)]);

        await Eventually.HoldsAsync(async () => (await NoticesAsync(client)).Single().State == NoticeState.Superseded, "the notice to be superseded");
        Assert.Contains(detected.NoticeId, Dispatcher.Withdrawn);
        Assert.Single(Dispatcher.DispatchedFor(client.GetPrimaryKeyString()));
    }

    [Fact]
    public async Task RecoveryWhileTheOutageNoticeIsBeingSentIsToldAfterIt()
    {
        var service = await ServiceAsync();
        var client = await ClientAsync(service.GetPrimaryKeyString(), Email("heidi"));
        await service.RecordHealthAsync([Event(HealthStatus.Down, 0)]);
        var detected = Assert.Single(await Dispatcher.WaitForAsync(client.GetPrimaryKeyString(), 1));
        Dispatcher.Attempting(detected.NoticeId);

        await service.RecordHealthAsync([Event(HealthStatus.Up, 1)]);

        // Planned, but held back until the outage notice's outcome is in: the contact hears them in order.
        await Eventually.HoldsAsync(async () => (await NoticesAsync(client)).Length == 2, "two notices");
        Assert.Single(Dispatcher.DispatchedFor(client.GetPrimaryKeyString()));
        Dispatcher.Release(detected.NoticeId);
        await client.RecordDeliveryAsync(new NoticeOutcomeMessage(detected.NoticeId, NoticeState.Sent, 2, null, Noon));

        var both = await Dispatcher.WaitForAsync(client.GetPrimaryKeyString(), 2);
        Assert.Equal([NoticeKind.IncidentDetected, NoticeKind.IncidentResolved], both.Select(d => d.Kind));
    }

    [Fact]
    public async Task AFanOutLeftPendingByACrashReachesTheClientsWhenTheServiceActivates()
    {
        // A service that was subscribed to, went down, persisted the transition and died before the index fanned it out.
        var id = UniqueId();
        var service = fixture.Grains.GetGrain<IServiceGrain>(id);
        await service.DefineAsync(Spec("Crashed mid fan-out"));
        var client = await ClientAsync(id, Email("ivan"));
        await fixture.Cluster.Client.GetGrain<Orleans.Runtime.IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var change = new StatusChange(1, ServiceStatus.Operational, ServiceStatus.MajorOutage, Noon, "crash-test", "default", "boom");
        var incidentId = IncidentDecider.NewIncidentId(id, change, "seeded");
        var state = new ServiceState
        {
            Definition = new ServiceDefinition(id, "Crashed mid fan-out", null, null, [], DetectionPolicy.Default),
            OpenIncidentId = incidentId,
            PendingFanOuts = [new ServiceTransition(ServiceTransitionKind.Open, incidentId, id, change)],
        };
        state.Health.Status = ServiceStatus.MajorOutage;
        state.Health.ChangeSequence = 1;
        var serializer = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainStorageSerializer>();
        fixture.Store.Entries[service.GetGrainId()] = new StoredState(serializer.Serialize(state), "seeded");

        await service.GetAsync();

        var told = Assert.Single(await Dispatcher.WaitForAsync(client.GetPrimaryKeyString(), 1));
        Assert.Equal($"{incidentId}:incident.detected:1:{client.GetPrimaryKeyString()}:ivan:email", told.NoticeId);
        await Eventually.HoldsAsync(async () =>
        {
            var stored = serializer.Deserialize<ServiceState>(fixture.Store.Entries[service.GetGrainId()].Data);
            return stored!.PendingFanOuts.Count == 0;
        }, "the service to store no pending fan-out");
    }

    [Fact]
    public async Task APendingNoticeLeftByACrashIsHandedToDeliveryWhenTheClientActivatesAndOnEveryReminderTick()
    {
        // An outbox persisted with a notice that no dispatcher holds any more: its silo died.
        var id = UniqueId("client");
        var client = fixture.Grains.GetGrain<IClientGrain>(id);
        var state = new ClientState
        {
            Definition = new ClientDefinition(id, "Acme", "UTC", [], [Email("leo").ToDomain()]),
            CreatedAt = Noon,
            UpdatedAt = Noon,
        };
        state.Outbox.Add([new Notice
        {
            Id = $"inc-1:incident.detected:1:{id}:leo:email", Kind = NoticeKind.IncidentDetected, Channel = NoticeChannel.Email,
            ContactId = "leo", SubjectId = "inc-1", Sequence = 1, To = "leo@client.example", Content = new NoticeContent("S", "T", "<p>T</p>"),
            CreatedAt = Noon, DueAt = Noon, State = NoticeState.Pending,
        }]);
        var serializer = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainStorageSerializer>();
        fixture.Store.Entries[client.GetGrainId()] = new StoredState(serializer.Serialize(state), "seeded");

        await client.GetAsync();
        var handed = Assert.Single(await Dispatcher.WaitForAsync(id, 1));
        Assert.Equal(state.Outbox.Notices[0].Id, handed.NoticeId);

        // Every tick hands over what is still pending (the dispatcher ignores what it holds), so an outcome lost on its way back strands nothing.
        await client.AsReference<IRemindable>().ReceiveReminder("outbox", new TickStatus(Noon.UtcDateTime, TimeSpan.FromMinutes(1), Noon.UtcDateTime));
        Assert.Single(Dispatcher.DispatchedFor(id));

        // The dispatcher let go, but its report never arrived.
        Dispatcher.Release(handed.NoticeId);
        await client.AsReference<IRemindable>().ReceiveReminder("outbox", new TickStatus(Noon.UtcDateTime, TimeSpan.FromMinutes(1), Noon.UtcDateTime));
        Assert.Equal(2, Dispatcher.DispatchedFor(id).Count);
        Dispatcher.Release(handed.NoticeId);
        await client.RecordDeliveryAsync(new NoticeOutcomeMessage(handed.NoticeId, NoticeState.Sent, 1, null, Noon));
        await client.AsReference<IRemindable>().ReceiveReminder("outbox", new TickStatus(Noon.UtcDateTime, TimeSpan.FromMinutes(1), Noon.UtcDateTime));
        Assert.Equal(2, Dispatcher.DispatchedFor(id).Count);
    }

    [Fact]
    public async Task AServiceWithSubscribedClientsCannotBeRemoved()
    {
        var service = await ServiceAsync();
        var client = await ClientAsync(service.GetPrimaryKeyString(), Email("judy"));

        Assert.Equal(RemoveServiceOutcome.HasSubscribers, (await service.RemoveAsync()).Outcome);

        Assert.True(await client.RemoveAsync());
        Assert.Equal(RemoveServiceOutcome.Removed, (await service.RemoveAsync()).Outcome);
    }

    [Fact]
    public async Task SubscribingToAnUnknownServiceIsRefusedAndChangesNothing()
    {
        var client = fixture.Grains.GetGrain<IClientGrain>(UniqueId("client"));

        var result = await client.DefineAsync(new ClientSpec("Acme", "UTC", [new SubscriptionSpec("no-such-service", 1)], [Email("kim")]));

        Assert.Equal(DefineClientOutcome.UnknownServices, result.Outcome);
        Assert.Equal(["no-such-service"], result.UnknownServices);
        Assert.Null(await client.GetAsync());
    }

    [Fact]
    public async Task TheSecretIsNeverInTheViewAndSurvivesAResubmissionWithoutIt()
    {
        var service = await ServiceAsync();
        var client = await ClientAsync(service.GetPrimaryKeyString(), Hook("bot"));

        var view = (await client.DefineAsync(new ClientSpec("Acme", "UTC", [new SubscriptionSpec(service.GetPrimaryKeyString(), 1)],
            [Hook("bot") with { WebhookSecret = null }]))).Client!;

        Assert.True(view.Contacts.Single().HasWebhookSecret);
        Assert.DoesNotContain("c2VjcmV0", System.Text.Json.JsonSerializer.Serialize(view), StringComparison.Ordinal);
    }
}
