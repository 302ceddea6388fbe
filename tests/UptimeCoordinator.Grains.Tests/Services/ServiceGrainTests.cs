using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;
using UptimeCoordinator.Contracts.Services;
using UptimeCoordinator.Domain.Health;
using UptimeCoordinator.Domain.Services;
using UptimeCoordinator.Grains.Services;
using UptimeCoordinator.Grains.Tests.Infrastructure;
using static UptimeCoordinator.Grains.Tests.Infrastructure.TestData;

namespace UptimeCoordinator.Grains.Tests.Services;

[Collection(ClusterCollection.Name)]
public sealed class ServiceGrainTests(ClusterFixture fixture)
{
    private IServiceGrain Service(string id) => fixture.Grains.GetGrain<IServiceGrain>(id);

    private async Task<IServiceGrain> DefinedAsync(ServiceSpec? spec = null)
    {
        var service = Service(UniqueId());
        var result = await service.DefineAsync(spec ?? Spec());
        Assert.Equal(DefineServiceOutcome.Created, result.Outcome);
        return service;
    }

    [Fact]
    public async Task DefineCreatesThenUpdates()
    {
        var id = UniqueId();

        var created = await Service(id).DefineAsync(Spec("First name"));
        var updated = await Service(id).DefineAsync(Spec("Second name", failureThreshold: 3));

        Assert.Equal(DefineServiceOutcome.Created, created.Outcome);
        Assert.Equal(DefineServiceOutcome.Updated, updated.Outcome);
        var view = await Service(id).GetAsync();
        Assert.Equal("Second name", view!.Name);
        Assert.Equal(3, view.Detection.FailureThreshold);
        Assert.Equal(ServiceStatus.Operational, view.Status);
        Assert.Equal(created.Service!.CreatedAt, view.CreatedAt);
    }

    [Fact]
    public async Task UnknownDependencyIsRejectedAndNothingIsStored()
    {
        var id = UniqueId();

        var result = await Service(id).DefineAsync(Spec(dependsOn: ["no-such-service"]));

        Assert.Equal(DefineServiceOutcome.Rejected, result.Outcome);
        Assert.Equal(["no-such-service"], result.Dependencies.UnknownServices);
        Assert.Null(await Service(id).GetAsync());
        Assert.False(fixture.Store.Entries.ContainsKey(Service(id).GetGrainId()));
    }

    [Fact]
    public async Task DependencyCycleIsRejectedAndTheOldDefinitionStays()
    {
        var a = UniqueId("a");
        var b = UniqueId("b");
        await Service(a).DefineAsync(Spec("A"));
        await Service(b).DefineAsync(Spec("B", dependsOn: [a]));

        var result = await Service(a).DefineAsync(Spec("A changed", dependsOn: [b]));

        Assert.Equal(DefineServiceOutcome.Rejected, result.Outcome);
        Assert.Equal([a, b, a], result.Dependencies.Cycle);
        Assert.Equal("A", (await Service(a).GetAsync())!.Name);
    }

    [Fact]
    public async Task RemoveIsRefusedWhileAnotherServiceDependsOnIt()
    {
        var db = await DefinedAsync();
        var dbId = db.GetPrimaryKeyString();
        var appId = UniqueId("app");
        await Service(appId).DefineAsync(Spec(dependsOn: [dbId]));

        var refused = await db.RemoveAsync();
        Assert.Equal(RemoveServiceOutcome.HasDependents, refused.Outcome);
        Assert.Equal([appId], refused.Dependents);

        Assert.Equal(RemoveServiceOutcome.Removed, (await Service(appId).RemoveAsync()).Outcome);
        Assert.Equal(RemoveServiceOutcome.Removed, (await db.RemoveAsync()).Outcome);
        Assert.Null(await db.GetAsync());
        Assert.Equal(RemoveServiceOutcome.NotFound, (await db.RemoveAsync()).Outcome);
    }

    [Fact]
    public async Task RemoveIsRefusedWhileAnIncidentIsOpen()
    {
        var service = await DefinedAsync();
        await service.RecordHealthAsync([Event(HealthStatus.Down, 0)]);

        var refused = await service.RemoveAsync();

        Assert.Equal(RemoveServiceOutcome.HasOpenIncident, refused.Outcome);
        Assert.NotNull(refused.OpenIncidentId);
    }

    [Fact]
    public async Task EventsForAnUndefinedServiceAreNotApplied()
    {
        var service = Service(UniqueId());

        var result = await service.RecordHealthAsync([Event(HealthStatus.Down, 0)]);

        Assert.False(result.ServiceFound);
        Assert.Equal(0, fixture.Store.WritesOf(service.GetGrainId()));
    }

    [Fact]
    public async Task EventsThatChangeNothingDoNotWriteToStorage()
    {
        var service = await DefinedAsync();
        await service.RecordHealthAsync([Event(HealthStatus.Down, 0, eventId: "first")]);
        await FanOutSettledAsync(service);
        var writes = fixture.Store.WritesOf(service.GetGrainId());

        var result = await service.RecordHealthAsync(
        [
            Event(HealthStatus.Down, 1),
            Event(HealthStatus.Down, 2),
            Event(HealthStatus.Up, -5),
            Event(HealthStatus.Up, 3, eventId: "first"),
        ]);

        Assert.Equal(3, result.Accepted);
        Assert.Equal(1, result.Duplicates);
        Assert.Equal(writes, fixture.Store.WritesOf(service.GetGrainId()));
        Assert.Equal(ServiceStatus.MajorOutage, (await service.GetAsync())!.Status);
    }

    [Fact]
    public async Task ProgressTowardsAThresholdIsPersisted()
    {
        var service = await DefinedAsync(Spec(failureThreshold: 3));
        var writes = fixture.Store.WritesOf(service.GetGrainId());

        await service.RecordHealthAsync([Event(HealthStatus.Down, 0)]);
        await service.RecordHealthAsync([Event(HealthStatus.Down, 1)]);

        Assert.Equal(writes + 2, fixture.Store.WritesOf(service.GetGrainId()));
        Assert.Equal(ServiceStatus.Operational, (await service.GetAsync())!.Status);

        await fixture.Cluster.DeactivateAsync(service);
        await service.RecordHealthAsync([Event(HealthStatus.Down, 2)]);

        Assert.Equal(ServiceStatus.MajorOutage, (await service.GetAsync())!.Status);
    }

    [Fact]
    public async Task StateSurvivesTheLossOfASilo()
    {
        var service = await DefinedAsync(Spec("Survivor"));
        await service.RecordHealthAsync([Event(HealthStatus.Degraded, 0, check: "latency")]);

        var silo = fixture.Cluster.Silos[^1];
        await fixture.Cluster.KillSiloAsync(silo);
        await fixture.Cluster.StartAdditionalSiloAsync();

        var view = await service.GetAsync();
        Assert.Equal("Survivor", view!.Name);
        Assert.Equal(ServiceStatus.DegradedPerformance, view.Status);
        Assert.Equal([new CheckView("latency", HealthStatus.Degraded, Noon)], view.Checks);
    }

    // The outage's fan-out to clients finishes after the call returns, with a write of its own.
    private async Task FanOutSettledAsync(IServiceGrain service)
    {
        var serializer = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainStorageSerializer>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (serializer.Deserialize<ServiceState>(fixture.Store.Entries[service.GetGrainId()].Data)!.HasHandOversPending)
        {
            Assert.True(DateTime.UtcNow < deadline, "the fan-out did not finish within 10 s");
            await Task.Delay(10);
        }
    }
}
