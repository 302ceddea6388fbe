using UptimeCoordinator.Contracts.Incidents;
using UptimeCoordinator.Contracts.Services;
using UptimeCoordinator.Domain.Incidents;

namespace UptimeCoordinator.Host.Incidents;

/// <summary>
/// Opens a declared or reported incident: claims it on each of its services first, so that no
/// service ends up with two open incidents and monitoring's next change joins this one. A
/// declaration on a service that already has an open incident is refused; a report joins the
/// incident its services already have. A claim that cannot stand is rolled back.
/// </summary>
internal sealed class IncidentCreation(IGrainFactory grains, TimeProvider time)
{
    public async Task<IncidentCommandResult> DeclareAsync(DeclareIncident command)
    {
        var id = NewId(command.ServiceIds[0]);
        if (await ClaimAsync(id, command.ServiceIds, suspected: false) is { } existing)
        {
            return IncidentCommandResult.Conflict(
                $"Service '{existing.ServiceId}' already has open incident '{existing.IncidentId}': post an update to it instead.");
        }

        return await grains.GetGrain<IIncidentGrain>(id).DeclareAsync(command);
    }

    public async Task<IncidentCommandResult> ReportAsync(ReportProblem command)
    {
        var id = NewId(command.ServiceIds[0]);
        var existing = await ClaimAsync(id, command.ServiceIds, suspected: true);
        return await grains.GetGrain<IIncidentGrain>(existing?.IncidentId ?? id).ReportAsync(command);
    }

    /// <summary>Claims <paramref name="incidentId"/> on every service; on the first that has another, undoes the others and returns that one.</summary>
    private async Task<(string ServiceId, string IncidentId)?> ClaimAsync(string incidentId, IReadOnlyList<string> serviceIds, bool suspected)
    {
        var claimed = new List<string>();
        foreach (var serviceId in serviceIds)
        {
            if (await Service(serviceId).AttachIncidentAsync(incidentId, suspected) is { } other)
            {
                var now = time.GetUtcNow();
                await Task.WhenAll(claimed.Select(s => Service(s).ReleaseIncidentAsync(incidentId, now, resolved: false)));
                return (serviceId, other);
            }

            claimed.Add(serviceId);
        }

        return null;
    }

    private IServiceGrain Service(string serviceId) => grains.GetGrain<IServiceGrain>(serviceId);

    private string NewId(string firstServiceId) =>
        IncidentDecider.NewIncidentId(firstServiceId, time.GetUtcNow(), Guid.NewGuid().ToString("N")[..6]);
}
