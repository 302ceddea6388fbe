using Microsoft.Extensions.Logging;
using UptimeCoordinator.Contracts.Notices;
using UptimeCoordinator.Contracts.Services;
using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Domain.Services;
using UptimeCoordinator.Grains.Subscriptions;

namespace UptimeCoordinator.Grains.Incidents;

/// <summary>
/// Hands an incident's persisted bulletins to everyone they reach, oldest first: the clients of
/// its services and of the services that depend on them, the one client a bulletin is addressed
/// to, or the responders' client. Runs in its own turn after the one that persisted the bulletin,
/// so a responder's request never waits for ten thousand clients; a reminder is the durable
/// wake-up while any is pending, and a repeat is harmless because clients find their notices planned.
/// </summary>
internal sealed partial class IncidentBroadcast(Grain grain, IGrainFactory grains, IPersistentState<IncidentState> state, IncidentOptions options, ILogger logger)
{
    private const string ReminderName = "broadcast-bulletins";
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private IGrainTimer? _kick;
    private bool _running;

    private IncidentState State => state.State;

    public static bool IsReminder(string reminderName) => reminderName == ReminderName;

    /// <summary>Registers the reminder; call it before the write that adds a bulletin.</summary>
    public Task ArmAsync() => grain.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);

    /// <summary>Runs <see cref="RunAsync"/> in a turn of its own, as soon as the current one ends.</summary>
    public void Kick()
    {
        _kick?.Dispose();
        _kick = grain.RegisterGrainTimer(
            async _ =>
            {
                _kick?.Dispose();
                _kick = null;
                await RunAsync();
            },
            new GrainTimerCreationOptions { DueTime = TimeSpan.Zero, Period = Timeout.InfiniteTimeSpan, Interleave = false, KeepAlive = true });
    }

    /// <summary>Hands out whatever is pending. Never throws: what fails stays pending for the reminder.</summary>
    public async Task RunAsync()
    {
        if (_running)
        {
            return;
        }

        _running = true;
        try
        {
            while (State.PendingBulletins.Count > 0)
            {
                var bulletin = State.PendingBulletins[0];
                TellServices(bulletin);
                var failed = await TellPeopleAsync(bulletin);
                if (failed > 0)
                {
                    // Order matters to clients, so nothing later goes out first; the reminder tries again.
                    LogBroadcastFailed(State.Incident.Id, bulletin.Sequence, failed);
                    return;
                }

                State.PendingBulletins.RemoveAt(0);
                await state.WriteStateAsync();
            }

            if (await grain.GetReminder(ReminderName) is { } reminder)
            {
                await grain.UnregisterReminder(reminder);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogBroadcastError(ex, State.Incident.Id, State.PendingBulletins.Count);
        }
        finally
        {
            _running = false;
        }
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
    private async Task<BulletinServiceMessage[]> ImpactedAsync(Incident incident)
    {
        var impacted = new List<BulletinServiceMessage>();
        foreach (var serviceId in incident.ServiceIds)
        {
            var view = await grains.GetGrain<IServiceGrain>(serviceId).GetAsync();
            var status = StatusFor(incident, view?.Status ?? ServiceStatus.Operational);
            var name = view?.Name ?? serviceId;
            impacted.Add(new(serviceId, name, status, null, null));
            foreach (var (id, dependentName) in await ImpactReach.DependentsAsync(grains, serviceId))
            {
                impacted.Add(new(id, dependentName, ClientExposure.ThroughDependency(status), serviceId, name));
            }
        }

        return [.. impacted.DistinctBy(i => i.ServiceId)];
    }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Incident {IncidentId}: bulletin {Sequence} could not reach {Failed} client(s); will retry")]
    private partial void LogBroadcastFailed(string incidentId, long sequence, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Incident {IncidentId}: handing out {Count} bulletin(s) failed; will retry")]
    private partial void LogBroadcastError(Exception ex, string incidentId, int count);
}
