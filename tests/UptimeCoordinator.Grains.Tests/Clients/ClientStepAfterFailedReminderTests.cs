using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;
using UptimeCoordinator.Contracts.Changes;
using UptimeCoordinator.Contracts.Clients;
using UptimeCoordinator.Contracts.Notices;
using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Contracts.Services;
using UptimeCoordinator.Delivery;
using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Domain.Services;
using UptimeCoordinator.Grains.Clients;
using UptimeCoordinator.Grains.Services;
using UptimeCoordinator.Grains.Tests.Infrastructure;
using static UptimeCoordinator.Grains.Tests.Infrastructure.TestData;

namespace UptimeCoordinator.Grains.Tests.Clients;

/// <summary>
/// A client's step fails after its state changed in memory (the outbox's reminder could not be
/// armed, as while the reminder partition's silo dies): the fan-out's retry of the same step must
/// still plan and store the notices, not be taken for a repeat.
/// </summary>
public sealed class ClientStepAfterFailedReminderTests : IAsyncLifetime
{
    private readonly SharedStore _store = new();
    private readonly RecordingDispatcher _dispatcher = new();
    private readonly FlakyReminderTable _reminders = new();
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddReminders();
            silo.Services.AddSingleton<IReminderTable>(_reminders);
            silo.AddMemoryStreams(ChangeStream.ProviderName);
            silo.AddMemoryGrainStorage(ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME);
            silo.UseSystemTextJsonGrainStorageSerializer();
            silo.Services.TryAddSingleton(TimeProvider.System);
            silo.Services.AddSingleton<INoticeDispatcher>(_dispatcher);
            silo.Services.AddGrainStorage(
                ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME,
                (sp, _) => new RecordingGrainStorage(_store, sp.GetRequiredService<IGrainStorageSerializer>()));
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task TheRetryOfAStepWhoseReminderFailedStoresAndSendsItsNotices()
    {
        var grains = _cluster.Client;
        var serviceId = UniqueId();
        Assert.NotEqual(DefineServiceOutcome.Rejected, (await grains.GetGrain<IServiceGrain>(serviceId).DefineAsync(Spec())).Outcome);
        var client = grains.GetGrain<IClientGrain>(UniqueId("client"));
        var defined = await client.DefineAsync(new ClientSpec("Acme", "Europe/Berlin", [new SubscriptionSpec(serviceId, 1)],
            [new ContactSpec("alice", "Alice", "alice@client.example", null, null, null, null, null, null)]));
        Assert.Equal(DefineClientOutcome.Created, defined.Outcome);
        var incidentId = $"{serviceId}-20261123T120000Z-0001";
        var step = new IncidentStepMessage(ServiceTransitionKind.Open, incidentId, serviceId, "Some service", 1,
            ServiceStatus.MajorOutage, Noon, null, [new ImpactedServiceMessage(serviceId, "Some service", null)]);

        _reminders.FailUpserts = true;
        await Assert.ThrowsAnyAsync<Exception>(() => client.ApplyIncidentStepAsync(step));
        _reminders.FailUpserts = false;
        await client.ApplyIncidentStepAsync(step);

        Assert.True(_reminders.RefusedUpserts > 0, "the first attempt never reached the reminder table");
        Assert.Contains(incidentId, _store.Entries[client.GetGrainId()].Data.ToString(), StringComparison.Ordinal);
        var sent = await _dispatcher.WaitForAsync(client.GetPrimaryKeyString(), 1);
        Assert.Equal(NoticeKind.IncidentDetected, Assert.Single(sent).Kind);
    }
}
