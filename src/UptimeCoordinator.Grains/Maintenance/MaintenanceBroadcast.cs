using Microsoft.Extensions.Logging;
using UptimeCoordinator.Contracts.Maintenance;
using UptimeCoordinator.Contracts.Services;
using UptimeCoordinator.Domain.Maintenance;
using UptimeCoordinator.Grains.Scheduling;
using UptimeCoordinator.Grains.Subscriptions;

namespace UptimeCoordinator.Grains.Maintenance;

/// <summary>
/// Hands a window's persisted bulletins, oldest first, to every client its services reach, with the
/// services as they are reached at that moment (subscriptions may have changed since it was planned).
/// </summary>
internal static class MaintenanceBroadcast
{
    // The reminder's name is stored with each registration: it must not change.
    public static OrderedHandOut<MaintenanceBulletin> For(Grain grain, IGrainFactory grains, IPersistentState<MaintenanceState> state, ILogger logger) => new(
        grain,
        "broadcast-maintenance",
        () => state.State.PendingBulletins,
        bulletin => TellAsync(grains, state.State.Window, bulletin),
        state.WriteStateAsync,
        bulletin => $"Maintenance {state.State.Window.Id} step {bulletin.Sequence}",
        logger);

    private static async Task<int> TellAsync(IGrainFactory grains, MaintenanceWindow window, MaintenanceBulletin bulletin)
    {
        var impacted = await MaintenanceReach.ImpactedAsync(grains, window.ServiceIds);
        var clients = await ImpactReach.SubscribersAsync(grains, impacted.Select(i => i.ServiceId));
        var message = MaintenanceBulletinMessage.Of(window, bulletin, impacted);
        var failed = await ImpactReach.TellAsync(grains, clients, client => client.ApplyMaintenanceBulletinAsync(message));
        if (failed == 0 && bulletin is { Kind: MaintenanceBulletinKind.Completed, OverrunIncidentId: not null })
        {
            // Everyone has heard the work ended: the incident it became may now be told.
            await Task.WhenAll(window.ServiceIds.Select(s => grains.GetGrain<IServiceGrain>(s).ReleaseHandOverAsync(window.Id)));
        }

        return failed;
    }
}
