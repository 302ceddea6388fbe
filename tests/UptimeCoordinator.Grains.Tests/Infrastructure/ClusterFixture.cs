using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;
using UptimeCoordinator.Contracts.Changes;
using UptimeCoordinator.Delivery;

namespace UptimeCoordinator.Grains.Tests.Infrastructure;

/// <summary>A two-silo in-process cluster sharing one recording store, configured as the host configures production.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public SharedStore Store { get; } = new();

    public RecordingDispatcher Dispatcher { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.UseInMemoryReminderService();
            silo.AddMemoryStreams(ChangeStream.ProviderName);
            silo.AddMemoryGrainStorage(ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME, (OptionsBuilder<MemoryGrainStorageOptions> o) =>
                o.Configure<Serializer>((options, serializer) => options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer)));
            silo.UseSystemTextJsonGrainStorageSerializer();
            silo.Services.TryAddSingleton(TimeProvider.System);
            silo.Services.AddSingleton<INoticeDispatcher>(Dispatcher);
            silo.Services.AddGrainStorage(
                ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME,
                (sp, _) => new RecordingGrainStorage(Store, sp.GetRequiredService<IGrainStorageSerializer>()));
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
