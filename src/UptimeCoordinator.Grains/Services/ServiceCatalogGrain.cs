using UptimeCoordinator.Contracts;
using UptimeCoordinator.Contracts.Services;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Grains.Services;

/// <summary>The catalogue of services: the dependency graph that rejects cycles, and the listing.</summary>
[GrainType("service-catalog")]
public sealed class ServiceCatalogGrain([PersistentState("catalog")] IPersistentState<ServiceCatalogState> state)
    : Grain, IServiceCatalogGrain
{
    private DependencyGraph _graph = new(new Dictionary<string, string[]>());
    private SortedSet<string> _ids = new(StringComparer.Ordinal);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _graph = new DependencyGraph(state.State.DependsOn);
        _ids = new SortedSet<string>(state.State.DependsOn.Keys, StringComparer.Ordinal);
        return Task.CompletedTask;
    }

    public async Task<DependencyCheckResult> RegisterAsync(string serviceId, string[] dependsOn)
    {
        var check = _graph.Check(serviceId, dependsOn);
        if (!check.IsOk)
        {
            return new([.. check.UnknownServices], [.. check.CyclePath]);
        }

        if (!state.State.DependsOn.TryGetValue(serviceId, out var current) || !current.SequenceEqual(dependsOn, StringComparer.Ordinal))
        {
            _graph.Set(serviceId, dependsOn);
            _ids.Add(serviceId);
            state.State.DependsOn[serviceId] = dependsOn;
            await state.WriteOrDiscardAsync(this);
        }

        return DependencyCheckResult.Ok;
    }

    public async Task<string[]> UnregisterAsync(string serviceId)
    {
        var dependents = _graph.DirectDependents(serviceId);
        if (dependents.Count > 0)
        {
            return [.. dependents];
        }

        if (state.State.DependsOn.Remove(serviceId))
        {
            _graph.Remove(serviceId);
            _ids.Remove(serviceId);
            await state.WriteOrDiscardAsync(this);
        }

        return [];
    }

    public Task<IdPage> ListAsync(string? after, int limit) => Task.FromResult(Paging.PageAfter(_ids, after, limit));

    public Task<string[]> DependentsAsync(string serviceId) => Task.FromResult(_graph.TransitiveDependents(serviceId).ToArray());

    public Task<string[]> FindUnknownAsync(string[] serviceIds) =>
        Task.FromResult(serviceIds.Where(id => !_graph.Contains(id)).ToArray());
}
