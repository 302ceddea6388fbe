using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Notices;

/// <summary>Narrows an incident step to one client: the services it subscribes to that the step reaches.</summary>
public static class ClientExposure
{
    public static List<AffectedService> Of(ClientDefinition client, IncidentStep step) =>
        [.. step.Impacted
            .Where(i => client.SubscriptionTo(i.ServiceId) is not null)
            .Select(i => new AffectedService(
                i.ServiceId,
                i.Name,
                i.ViaServiceId is null ? step.Status : ThroughDependency(step.Status),
                i.ViaServiceId,
                i.ViaServiceId is null ? null : step.ServiceName))];

    /// <summary>
    /// A service whose dependency is down still runs, but not fully (DESIGN.md §2: a dependency that
    /// is down means partial_outage), and so while its dependency is under maintenance; a degraded
    /// dependency degrades it.
    /// </summary>
    public static ServiceStatus ThroughDependency(ServiceStatus dependency) => dependency switch
    {
        ServiceStatus.MajorOutage or ServiceStatus.PartialOutage or ServiceStatus.UnderMaintenance => ServiceStatus.PartialOutage,
        _ => dependency,
    };
    /// <summary>The services of <paramref name="impacted"/>, each with its status already worked out, that the client subscribes to.</summary>
    public static List<AffectedService> OfImpacted(ClientDefinition client, IReadOnlyList<AffectedService> impacted) =>
        [.. impacted.Where(i => client.SubscriptionTo(i.ServiceId) is not null)];
}
