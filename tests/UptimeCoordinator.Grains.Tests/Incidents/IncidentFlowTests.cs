using Orleans.Runtime;
using Orleans.Storage;
using Microsoft.Extensions.DependencyInjection;
using UptimeCoordinator.Contracts.Incidents;
using UptimeCoordinator.Contracts.Services;
using UptimeCoordinator.Domain.Health;
using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Domain.Services;
using UptimeCoordinator.Grains.Services;
using UptimeCoordinator.Grains.Tests.Infrastructure;
using static UptimeCoordinator.Grains.Tests.Infrastructure.TestData;

namespace UptimeCoordinator.Grains.Tests.Incidents;

[Collection(ClusterCollection.Name)]
public sealed class IncidentFlowTests(ClusterFixture fixture)
{
    private async Task<IServiceGrain> DefinedAsync()
    {
        var service = fixture.Grains.GetGrain<IServiceGrain>(UniqueId());
        await service.DefineAsync(Spec());
        return service;
    }

    private Task<IncidentView?> IncidentAsync(string id) => fixture.Grains.GetGrain<IIncidentGrain>(id).GetAsync();

    private async Task<string[]> ListedAsync(bool openOnly)
    {
        var ids = new List<string>();
        string? after = null;
        do
        {
            var page = await fixture.Grains.GetGrain<IIncidentIndexGrain>(IIncidentIndexGrain.Key).ListAsync(openOnly, after, 50);
            ids.AddRange(page.Ids);
            after = page.NextAfter;
        }
        while (after is not null);
        return [.. ids];
    }

    [Fact]
    public async Task OutageOpensAnIncidentAndRecoveryResolvesIt()
    {
        var service = await DefinedAsync();

        await service.RecordHealthAsync([Event(HealthStatus.Down, 0)]);

        var incidentId = (await service.GetAsync())!.OpenIncidentId!;
        var opened = await IncidentAsync(incidentId);
        Assert.Equal(IncidentStage.Detected, opened!.Stage);
        Assert.Equal(IncidentSeverity.Critical, opened.Severity);
        Assert.Equal([service.GetPrimaryKeyString()], opened.ServiceIds);
        Assert.Contains(incidentId, await ListedAsync(openOnly: true));

        await service.RecordHealthAsync([Event(HealthStatus.Up, 20)]);

        var resolved = await IncidentAsync(incidentId);
        Assert.Equal(IncidentStage.Resolved, resolved!.Stage);
        Assert.Equal(Noon.AddMinutes(20), resolved.ResolvedAt);
        Assert.Equal([TimelineEntryKind.Opened, TimelineEntryKind.Resolved], resolved.Timeline.Select(e => e.Kind));
        Assert.All(resolved.Timeline, e => Assert.Equal("test-probe", e.Source));
        Assert.Null((await service.GetAsync())!.OpenIncidentId);
        Assert.DoesNotContain(incidentId, await ListedAsync(openOnly: true));
        Assert.Contains(incidentId, await ListedAsync(openOnly: false));
    }

    [Fact]
    public async Task RecurrenceWithinTheReopenWindowReopensTheSameIncident()
    {
        var service = await DefinedAsync();
        await service.RecordHealthAsync([Event(HealthStatus.Down, 0), Event(HealthStatus.Up, 10)]);
        var first = (await ListedAsync(openOnly: false)).Single(i => i.StartsWith(service.GetPrimaryKeyString(), StringComparison.Ordinal));

        await service.RecordHealthAsync([Event(HealthStatus.Down, 20)]);

        Assert.Equal(first, (await service.GetAsync())!.OpenIncidentId);
        var reopened = await IncidentAsync(first);
        Assert.Equal(1, reopened!.ReopenCount);
        Assert.Equal(IncidentStage.Detected, reopened.Stage);
    }

    [Fact]
    public async Task RecurrenceAfterTheReopenWindowOpensANewIncident()
    {
        var service = await DefinedAsync();
        await service.RecordHealthAsync([Event(HealthStatus.Down, 0), Event(HealthStatus.Up, 10)]);

        await service.RecordHealthAsync([Event(HealthStatus.Down, 60)]);

        var mine = (await ListedAsync(openOnly: false)).Where(i => i.StartsWith(service.GetPrimaryKeyString(), StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, mine.Length);
        Assert.Equal(mine[0], (await service.GetAsync())!.OpenIncidentId);
    }

    [Fact]
    public async Task WorseningOutageUpdatesTheIncidentTimelineAndSeverity()
    {
        var service = await DefinedAsync();

        await service.RecordHealthAsync([Event(HealthStatus.Up, 0, check: "eu"), Event(HealthStatus.Degraded, 1, check: "us")]);
        await service.RecordHealthAsync([Event(HealthStatus.Down, 2, check: "us")]);
        await service.RecordHealthAsync([Event(HealthStatus.Down, 3, check: "eu")]);

        var incident = await IncidentAsync((await service.GetAsync())!.OpenIncidentId!);
        Assert.Equal(IncidentSeverity.Critical, incident!.Severity);
        Assert.Equal(
            [ServiceStatus.DegradedPerformance, ServiceStatus.PartialOutage, ServiceStatus.MajorOutage],
            incident.Timeline.Select(e => e.ServiceStatus!.Value));
    }

    [Fact]
    public async Task PendingHandOverIsCompletedWhenTheServiceActivates()
    {
        // State as a silo would leave it had it died after persisting a status change but before
        // the incident grain heard of it.
        var id = UniqueId();
        var change = new StatusChange(1, ServiceStatus.Operational, ServiceStatus.MajorOutage, Noon, "crash-test", "default", null);
        var incidentId = IncidentDecider.NewIncidentId(id, change, "seeded");
        var state = new ServiceState
        {
            Definition = new ServiceDefinition(id, "Crashed mid hand-over", null, null, [], DetectionPolicy.Default),
            OpenIncidentId = incidentId,
            PendingTransitions = [new ServiceTransition(ServiceTransitionKind.Open, incidentId, id, change)],
        };
        state.Health.Status = ServiceStatus.MajorOutage;
        state.Health.ChangeSequence = 1;
        var serializer = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainStorageSerializer>();
        var service = fixture.Grains.GetGrain<IServiceGrain>(id);
        fixture.Store.Entries[service.GetGrainId()] = new StoredState(serializer.Serialize(state), "seeded");

        Assert.Equal(ServiceStatus.MajorOutage, (await service.GetAsync())!.Status);

        var incident = await IncidentAsync(incidentId);
        Assert.Equal(IncidentStage.Detected, incident!.Stage);
        Assert.Equal("crash-test", incident.Timeline.Single().Source);
        Assert.Contains(incidentId, await ListedAsync(openOnly: true));
    }

    [Fact]
    public async Task RepeatedHandOverOfAChangeIsAppliedOnce()
    {
        var id = UniqueId();
        var incident = fixture.Grains.GetGrain<IIncidentGrain>($"{id}-x");
        var open = new ServiceTransitionMessage(ServiceTransitionKind.Open, $"{id}-x", id, 1, ServiceStatus.Operational, ServiceStatus.MajorOutage, Noon, "t", "default", null);

        await incident.ApplyServiceTransitionAsync(open);
        await incident.ApplyServiceTransitionAsync(open);
        await incident.ApplyServiceTransitionAsync(open with { Kind = ServiceTransitionKind.Resolve, Sequence = 2, To = ServiceStatus.Operational });
        await incident.ApplyServiceTransitionAsync(open with { Kind = ServiceTransitionKind.Resolve, Sequence = 2, To = ServiceStatus.Operational });

        var view = await incident.GetAsync();
        Assert.Equal(2, view!.Timeline.Length);
        Assert.Equal(IncidentStage.Resolved, view.Stage);
    }

    [Fact]
    public async Task RecreatedServiceSentOldTimestampsOpensAFreshIncident()
    {
        var service = await DefinedAsync();
        await service.RecordHealthAsync([Event(HealthStatus.Down, 0), Event(HealthStatus.Up, 10)]);
        var first = (await ListedAsync(openOnly: false)).Single(i => i.StartsWith(service.GetPrimaryKeyString(), StringComparison.Ordinal));
        Assert.Equal(RemoveServiceOutcome.Removed, (await service.RemoveAsync()).Outcome);
        await service.DefineAsync(Spec());

        await service.RecordHealthAsync([Event(HealthStatus.Down, 0)]);

        var second = (await service.GetAsync())!.OpenIncidentId!;
        Assert.NotEqual(first, second);
        Assert.Equal(IncidentStage.Detected, (await IncidentAsync(second))!.Stage);
        Assert.Equal(IncidentStage.Resolved, (await IncidentAsync(first))!.Stage);
    }

    [Fact]
    public async Task RemovingAServiceFirstHandsOverItsPendingResolve()
    {
        var id = UniqueId();
        var opened = new StatusChange(1, ServiceStatus.Operational, ServiceStatus.MajorOutage, Noon, "t", "default", null);
        var recovered = new StatusChange(2, ServiceStatus.MajorOutage, ServiceStatus.Operational, Noon.AddMinutes(5), "t", "default", null);
        var incidentId = IncidentDecider.NewIncidentId(id, opened, "seeded");
        await fixture.Grains.GetGrain<IIncidentGrain>(incidentId).ApplyServiceTransitionAsync(
            ServiceTransitionMessage.Of(new ServiceTransition(ServiceTransitionKind.Open, incidentId, id, opened)));
        var state = new ServiceState
        {
            Definition = new ServiceDefinition(id, "Resolved but not handed over", null, null, [], DetectionPolicy.Default),
            LastResolved = new RecentResolution(incidentId, recovered.At),
            PendingTransitions = [new ServiceTransition(ServiceTransitionKind.Resolve, incidentId, id, recovered)],
        };
        state.Health.ChangeSequence = 2;
        var serializer = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainStorageSerializer>();
        var service = fixture.Grains.GetGrain<IServiceGrain>(id);
        fixture.Store.Entries[service.GetGrainId()] = new StoredState(serializer.Serialize(state), "seeded");
        await fixture.Grains.GetGrain<IServiceCatalogGrain>(IServiceCatalogGrain.Key).RegisterAsync(id, []);

        Assert.Equal(RemoveServiceOutcome.Removed, (await service.RemoveAsync()).Outcome);

        Assert.Equal(IncidentStage.Resolved, (await IncidentAsync(incidentId))!.Stage);
        Assert.DoesNotContain(incidentId, await ListedAsync(openOnly: true));
    }
}
