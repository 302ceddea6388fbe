using Microsoft.Extensions.Logging;
using UptimeCoordinator.Contracts.Notices;
using UptimeCoordinator.Contracts.Services;
using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Domain.Services;
using UptimeCoordinator.Grains.Scheduling;
using UptimeCoordinator.Grains.Subscriptions;

namespace UptimeCoordinator.Grains.Incidents;

/// <summary>
/// Hands an incident's persisted bulletins to everyone they reach, oldest first (through
/// <see cref="OrderedHandOut{T}"/>): the clients of its services and of the services that depend on
/// them, the one client a bulletin is addressed to, or the responders' client; and tells the
/// services when the incident claims or releases them.
/// </summary>
internal sealed class IncidentBroadcast(IGrainFactory grains, IPersistentState<IncidentState> state, IncidentOptions options)
{
    // The reminder's name is stored with each registration: it must not change.
    public static OrderedHandOut<IncidentBulletin> For(Grain grain, IGrainFactory grains, IPersistentState<IncidentState> state, IncidentOptions options, ILogger logger)
    {
        var broadcast = new IncidentBroadcast(grains, state, options);
        return new(
            grain,
            "broadcast-bulletins",
            () => state.State.PendingBulletins,
            broadcast.HandOutAsync,
            state.WriteStateAsync,
            bulletin => $"Incident {state.State.Incident.Id} bulletin {bulletin.Sequence}",
            logger);
    }

    private IncidentState State => state.State;

    private Task<int> HandOutAsync(IncidentBulletin bulletin)
    {
        TellServices(bulletin);
        return TellPeopleAsync(bulletin);
    }

    // One-way calls: the services may be waiting on this incident right now.
    private void TellServices(IncidentBulletin bulletin)
    {
        var incident = State.Incident;
        foreach (var serviceId in incident.ServiceIds)
        {
            var service = grains.GetGrain<IServiceGrain>(serviceId);
            _ = bulletin.Kind switch
            {
                BulletinKind.Confirmed or BulletinKind.ReopenedForClient => service.PromoteIncidentAsync(incident.Id),
                BulletinKind.Resolved when !incident.IsOpen => service.ReleaseIncidentAsync(incident.Id, bulletin.At, resolved: true),
                BulletinKind.Dismissed when !incident.IsOpen => service.ReleaseIncidentAsync(incident.Id, bulletin.At, resolved: false),
                _ => Task.CompletedTask,
            };
        }
    }

    private async Task<int> TellPeopleAsync(IncidentBulletin bulletin)
    {
        var incident = State.Incident;
        var impacted = await ImpactedAsync(incident);
        HashSet<string> targets;
        if (bulletin.Kind.IsForResponders())
        {
            targets = options.RespondersClientId is { Length: > 0 } responders ? [responders] : [];
        }
        else if (bulletin.ClientId is { } clientId)
        {
            targets = [clientId];
        }
        else
        {
            targets = await ImpactReach.SubscribersAsync(grains, impacted.Select(i => i.ServiceId));
        }

        if (targets.Count == 0)
        {
            return 0;
        }

        var message = IncidentBulletinMessage.Of(bulletin, incident, impacted);
        return await ImpactReach.TellAsync(grains, targets, client => client.ApplyIncidentBulletinAsync(message));
    }

    /// <summary>The incident's services and every service depending on them, each with how it fares now.</summary>
    private Task<BulletinServiceMessage[]> ImpactedAsync(Incident incident) =>
        ImpactReach.ImpactedAsync(grains, incident.ServiceIds, view => StatusFor(incident, view?.Status ?? ServiceStatus.Operational));

    /// <summary>
    /// What monitoring says while it sees trouble; otherwise, for an incident a person stands behind
    /// (declared, confirmed, reopened), what its severity means; once it is over, operational.
    /// </summary>
    private static ServiceStatus StatusFor(Incident incident, ServiceStatus live)
    {
        if (!incident.IsOpen)
        {
            return ServiceStatus.Operational;
        }

        if (live is not (ServiceStatus.Operational or ServiceStatus.UnderMaintenance) || !incident.IsConfirmed)
        {
            return live;
        }

        return incident.Severity switch
        {
            IncidentSeverity.Critical => ServiceStatus.MajorOutage,
            IncidentSeverity.Major => ServiceStatus.PartialOutage,
            _ => ServiceStatus.DegradedPerformance,
        };
    }
}
