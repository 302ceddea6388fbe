using UptimeCoordinator.Contracts.Notices;
using UptimeCoordinator.Contracts.Subscriptions;
using UptimeCoordinator.Domain.Observability;

namespace UptimeCoordinator.Grains.Subscriptions;

/// <summary>
/// Tells every client a transition reaches: the service's own subscribers and those of every
/// service that depends on it, directly or not.
/// </summary>
internal static class ImpactFanOut
{
    /// <summary>Returns how many clients could not be told.</summary>
    public static async Task<int> RunAsync(IGrainFactory grains, string serviceId, FanOutRequest request, IReadOnlyCollection<string> ownSubscribers)
    {
        // The fan-out runs in the index's timer: without this span its client calls would start a trace of their own.
        using var activity = UptimeTracing.Continue($"fan-out {serviceId}", request.TraceParent);
        var dependents = await ImpactReach.DependentsAsync(grains, serviceId);
        var targets = await ImpactReach.SubscribersAsync(grains, dependents.Select(d => d.Id));
        targets.UnionWith(ownSubscribers);
        if (targets.Count == 0)
        {
            return 0;
        }

        var t = request.Transition;
        var step = new IncidentStepMessage(
            t.Kind, t.IncidentId, serviceId, request.ServiceName, t.Sequence, t.To, t.At, t.Message,
            [new ImpactedServiceMessage(serviceId, request.ServiceName, null), .. dependents.Select(d => new ImpactedServiceMessage(d.Id, d.Name, serviceId))]);
        return await ImpactReach.TellAsync(grains, targets, client => client.ApplyIncidentStepAsync(step));
    }
}
