using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Contracts.Clients;

/// <summary>One of the client's services an open incident reaches, and how.</summary>
[GenerateSerializer, Alias("uc.AffectedServiceView")]
public sealed record AffectedServiceView(
    [property: Id(0)] string ServiceId,
    [property: Id(1)] string Name,
    [property: Id(2)] ServiceStatus Status,
    [property: Id(3)] string? Via,
    [property: Id(4)] string IncidentId,
    [property: Id(5)] DateTimeOffset Since)
{
    public static AffectedServiceView From(AffectedService a, string incidentId, DateTimeOffset since) =>
        new(a.ServiceId, a.Name, a.Status, a.ViaServiceId, incidentId, since);
}
