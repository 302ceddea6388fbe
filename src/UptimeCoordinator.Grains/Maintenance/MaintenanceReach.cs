using System.Globalization;
using UptimeCoordinator.Contracts.Maintenance;
using UptimeCoordinator.Contracts.Notices;
using UptimeCoordinator.Domain.Maintenance;
using UptimeCoordinator.Domain.Services;
using UptimeCoordinator.Grains.Subscriptions;

namespace UptimeCoordinator.Grains.Maintenance;

/// <summary>
/// Who maintenance on some services reaches: those services (under maintenance), every service
/// depending on them (in partial outage through them), the clients of all of these, and what the
/// work would cost each client.
/// </summary>
public static class MaintenanceReach
{
    /// <summary>The window's services and their dependents, each with how it fares while the window runs.</summary>
    public static Task<BulletinServiceMessage[]> ImpactedAsync(IGrainFactory grains, IReadOnlyCollection<string> serviceIds) =>
        ImpactReach.ImpactedAsync(grains, serviceIds, _ => ServiceStatus.UnderMaintenance);

    /// <summary>How maintenance on <paramref name="serviceIds"/> exposes every client it reaches.</summary>
    public static async Task<List<MaintenanceExposure>> ExposuresAsync(IGrainFactory grains, IReadOnlyCollection<string> serviceIds)
    {
        var impacted = await ImpactedAsync(grains, serviceIds);
        string[] direct = [.. impacted.Where(i => i.ViaServiceId is null).Select(i => i.ServiceId)];
        string[] dependents = [.. impacted.Where(i => i.ViaServiceId is not null).Select(i => i.ServiceId)];
        var clients = await ImpactReach.SubscribersAsync(grains, impacted.Select(i => i.ServiceId));
        var exposures = new MaintenanceExposureMessage?[clients.Count];
        var ids = clients.Order(StringComparer.Ordinal).ToArray();
        using var gate = new SemaphoreSlim(ImpactReach.MaxConcurrentCalls);
        await Task.WhenAll(ids.Select(async (clientId, i) =>
        {
            await gate.WaitAsync();
            try
            {
                exposures[i] = await grains.GetGrain<Contracts.Clients.IClientGrain>(clientId).MaintenanceExposureAsync(direct, dependents);
            }
            finally
            {
                gate.Release();
            }
        }));
        return [.. exposures.OfType<MaintenanceExposureMessage>().Select(e => e.ToDomain())];
    }

    /// <summary>The clients whose SLA asks for more notice than a window starting at <paramref name="start"/>, announced at <paramref name="now"/>, gives.</summary>
    public static List<SlaNoticeWarning> NoticeWarnings(IEnumerable<MaintenanceExposure> exposures, DateTimeOffset start, DateTimeOffset now)
    {
        var given = Math.Round((start - now).TotalHours, 2);
        return [.. exposures
            .Where(e => e.MaintenanceNoticeHours > 0 && start - now < TimeSpan.FromHours(e.MaintenanceNoticeHours))
            .OrderBy(e => e.ClientId, StringComparer.Ordinal)
            .Select(e => new SlaNoticeWarning(
                e.ClientId, e.ClientName, e.MaintenanceNoticeHours, given,
                string.Create(CultureInfo.InvariantCulture, $"{e.ClientName}'s SLA asks for {e.MaintenanceNoticeHours} hours' notice of maintenance and this window gives {given:0.##}: its SLA will count the window as downtime.")))];
    }
}
