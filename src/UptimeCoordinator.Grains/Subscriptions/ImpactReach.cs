using UptimeCoordinator.Contracts.Clients;
using UptimeCoordinator.Contracts.Notices;
using UptimeCoordinator.Contracts.Services;
using UptimeCoordinator.Contracts.Subscriptions;
using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Grains.Subscriptions;

/// <summary>
/// Who a service's trouble reaches: the services that depend on it, directly or not, and every
/// client subscribed to any of them. Calls to those clients run concurrently with a bound, so a
/// slow client never holds up the others and ten thousand never flood the silo at once.
/// </summary>
public static class ImpactReach
{
    // Enough to keep a silo's cores busy. Many more only queue: with a thousand in flight from each of a fan-out's
    // two passes, calls to 10 000 clients on Redis waited past Orleans' response timeout (docs/benchmarks.md).
    public const int MaxConcurrentCalls = 128;

    /// <summary>The services that depend on <paramref name="serviceId"/>, with their names.</summary>
    public static async Task<(string Id, string Name)[]> DependentsAsync(IGrainFactory grains, string serviceId)
    {
        var dependents = await grains.GetGrain<IServiceCatalogGrain>(IServiceCatalogGrain.Key).DependentsAsync(serviceId);
        var names = await Task.WhenAll(dependents.Select(async d => (await grains.GetGrain<IServiceGrain>(d).GetAsync())?.Name ?? d));
        return [.. dependents.Zip(names)];
    }

    /// <summary>
    /// The services trouble on <paramref name="serviceIds"/> reaches, each with how it fares: those services
    /// as <paramref name="statusOf"/> says (from each one's view), and every service depending on one of them
    /// through it (<see cref="ClientExposure.ThroughDependency"/>). A service that is itself in trouble is
    /// listed as such, not as a dependent of another.
    /// </summary>
    public static async Task<BulletinServiceMessage[]> ImpactedAsync(IGrainFactory grains, IEnumerable<string> serviceIds, Func<ServiceView?, ServiceStatus> statusOf)
    {
        var impacted = new List<BulletinServiceMessage>();
        foreach (var serviceId in serviceIds)
        {
            var view = await grains.GetGrain<IServiceGrain>(serviceId).GetAsync();
            var status = statusOf(view);
            var name = view?.Name ?? serviceId;
            impacted.Add(new(serviceId, name, status, null, null));
            foreach (var (id, dependentName) in await DependentsAsync(grains, serviceId))
            {
                impacted.Add(new(id, dependentName, ClientExposure.ThroughDependency(status), serviceId, name));
            }
        }

        return [.. impacted.OrderBy(i => i.ViaServiceId is null ? 0 : 1).DistinctBy(i => i.ServiceId)];
    }

    /// <summary>Every client subscribed to one of <paramref name="serviceIds"/>.</summary>
    public static async Task<HashSet<string>> SubscribersAsync(IGrainFactory grains, IEnumerable<string> serviceIds)
    {
        var subscribers = await Task.WhenAll(serviceIds.Distinct(StringComparer.Ordinal)
            .Select(s => grains.GetGrain<ISubscriptionIndexGrain>(s).GetSubscribersAsync()));
        return subscribers.SelectMany(s => s).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every client that trouble on <paramref name="serviceIds"/> reaches: their subscribers and those of every service depending on them.</summary>
    public static async Task<HashSet<string>> ClientsReachedAsync(IGrainFactory grains, IReadOnlyCollection<string> serviceIds)
    {
        var catalog = grains.GetGrain<IServiceCatalogGrain>(IServiceCatalogGrain.Key);
        var reached = new HashSet<string>(serviceIds, StringComparer.Ordinal);
        foreach (var dependents in await Task.WhenAll(serviceIds.Select(catalog.DependentsAsync)))
        {
            reached.UnionWith(dependents);
        }

        return await SubscribersAsync(grains, reached);
    }

    /// <summary>Calls every client in <paramref name="clientIds"/>; returns how many calls failed.</summary>
    public static async Task<int> TellAsync(IGrainFactory grains, IEnumerable<string> clientIds, Func<IClientGrain, Task> call)
    {
        using var gate = new SemaphoreSlim(MaxConcurrentCalls);
        var outcomes = await Task.WhenAll(clientIds.Select(async clientId =>
        {
            await gate.WaitAsync();
            try
            {
                await call(grains.GetGrain<IClientGrain>(clientId));
                return true;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return false;
            }
            finally
            {
                gate.Release();
            }
        }));
        return outcomes.Count(ok => !ok);
    }
}
