using UptimeCoordinator.Contracts.Clients;
using UptimeCoordinator.Contracts.Services;
using UptimeCoordinator.Domain.Sla;
using UptimeCoordinator.Domain.Clients;

namespace UptimeCoordinator.Grains.Clients;

// Day-by-day uptime of the client's services, for the bars of its status page.
public sealed partial class ClientGrain
{
    public async Task<ClientUptimeView?> UptimeAsync(int days)
    {
        if (State.Definition is not { } client)
        {
            return null;
        }

        var serviceIds = client.Subscriptions.Select(s => s.ServiceId).ToArray();
        var history = UptimeHistory.Daily(State.Ledger.Spans, serviceIds, TimeZones.Find(client.TimeZone), days, time.GetUtcNow(), client.EffectiveSla.Terms);
        var views = await Task.WhenAll(serviceIds.Select(id => GrainFactory.GetGrain<IServiceGrain>(id).GetAsync()));
        var names = views.OfType<ServiceView>().ToDictionary(v => v.Id, v => v.Name, StringComparer.Ordinal);
        var services = history.Select(h => new ServiceUptimeView(
            h.ServiceId,
            names.GetValueOrDefault(h.ServiceId, h.ServiceId),
            h.UptimePercent,
            [.. h.Days.Select(d => new DayUptimeView(d.Date, d.UptimePercent, d.DownMinutes, d.DegradedMinutes, d.MaintenanceMinutes, d.Worst))]));
        return new ClientUptimeView(client.Id, client.TimeZone, days, [.. services]);
    }
}
