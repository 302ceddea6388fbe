using UptimeCoordinator.Contracts.Clients;
using UptimeCoordinator.Contracts.Services;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Host.Clients;

/// <summary>
/// The client's services with the status it experiences: trouble an open incident brings it (also
/// through a dependency) outranks the service's own live status, and planned work shows when
/// nothing is broken, as in the client's status.
/// </summary>
internal static class ClientServicesReader
{
    public static async Task<ClientServicesView?> ReadAsync(IGrainFactory grains, string clientId)
    {
        var client = grains.GetGrain<IClientGrain>(clientId);
        if (await client.GetAsync() is not { } definition || await client.GetStatusAsync() is not { } status)
        {
            return null;
        }

        var ids = definition.Subscriptions.Select(s => s.ServiceId).ToArray();
        var views = await Task.WhenAll(ids.Select(id => grains.GetGrain<IServiceGrain>(id).GetAsync()));
        var services = ids.Zip(views).Select(p => Experienced(p.First, p.Second, status)).ToArray();
        return new ClientServicesView(definition.Id, definition.Name, definition.TimeZone, services);
    }

    private static ClientServiceView Experienced(string serviceId, ServiceView? own, ClientStatusView status)
    {
        var name = own?.Name ?? serviceId;
        if (status.AffectedServices.Where(a => a.ServiceId == serviceId).MaxBy(a => a.Status) is { } trouble
            && (own is null || trouble.Status >= own.Status || own.Status == ServiceStatus.UnderMaintenance))
        {
            return new ClientServiceView(serviceId, trouble.Name, trouble.Status, trouble.Since, trouble.Via, trouble.IncidentId);
        }

        if (own is { Status: not ServiceStatus.Operational })
        {
            return new ClientServiceView(serviceId, name, own.Status, own.Since, null, own.OpenIncidentId);
        }

        var maintained = (status.Maintenance ?? []).SelectMany(m => m.Services.Select(s => (Window: m, Service: s)))
            .FirstOrDefault(m => m.Service.ServiceId == serviceId);
        return maintained.Service is { } planned
            ? new ClientServiceView(serviceId, name, planned.Status, maintained.Window.Start, planned.Via, null)
            : new ClientServiceView(serviceId, name, own?.Status ?? ServiceStatus.Operational, own?.Since, null, null);
    }
}
