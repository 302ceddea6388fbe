using UptimeCoordinator.Contracts.Clients;
using UptimeCoordinator.Contracts.Notices;
using UptimeCoordinator.Contracts.Services;
using UptimeCoordinator.Contracts.Subscriptions;

namespace UptimeCoordinator.Grains.Subscriptions;

/// <summary>
/// Tells every client a transition reaches: the service's own subscribers and those of every
/// service that depends on it, directly or not. Calls run concurrently with a bound, so a slow
/// client never holds up the others and ten thousand never flood the silo at once.
/// </summary>
internal static class ImpactFanOut
{
    public const int MaxConcurrentCalls = 1000;

    /// <summary>Returns how many clients could not be told.</summary>
    public static async Task<int> RunAsync(IGrainFactory grains, string serviceId, FanOutRequest request, IReadOnlyCollection<string> ownSubscribers)
    {
        var dependents = await grains.GetGrain<IServiceCatalogGrain>(IServiceCatalogGrain.Key).DependentsAsync(serviceId);
        var names = await Task.WhenAll(dependents.Select(async d => (await grains.GetGrain<IServiceGrain>(d).GetAsync())?.Name ?? d));
        var subscribers = await Task.WhenAll(dependents.Select(d => grains.GetGrain<ISubscriptionIndexGrain>(d).GetSubscribersAsync()));
        var targets = subscribers.SelectMany(s => s).Concat(ownSubscribers).ToHashSet(StringComparer.Ordinal);
        if (targets.Count == 0)
        {
            return 0;
        }

        var t = request.Transition;
        var step = new IncidentStepMessage(
            t.Kind, t.IncidentId, serviceId, request.ServiceName, t.Sequence, t.To, t.At, t.Message,
            [new ImpactedServiceMessage(serviceId, request.ServiceName, null), .. dependents.Zip(names, (d, n) => new ImpactedServiceMessage(d, n, serviceId))]);

        using var gate = new SemaphoreSlim(MaxConcurrentCalls);
        var outcomes = await Task.WhenAll(targets.Select(async clientId =>
        {
            await gate.WaitAsync();
            try
            {
                await grains.GetGrain<IClientGrain>(clientId).ApplyIncidentStepAsync(step);
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
