using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Contracts.Clients;

/// <summary>A maintenance window in progress on some of the client's services, and how each fares.</summary>
[GenerateSerializer, Alias("uc.ClientMaintenanceView")]
public sealed record ClientMaintenanceView(
    [property: Id(0)] string WindowId,
    [property: Id(1)] string Title,
    [property: Id(2)] DateTimeOffset Start,
    [property: Id(3)] DateTimeOffset End,
    [property: Id(4)] MaintainedServiceView[] Services)
{
    public static ClientMaintenanceView Of(string windowId, string title, DateTimeOffset start, DateTimeOffset end, IEnumerable<AffectedService> affected) =>
        new(windowId, title, start, end, [.. affected.Select(a => new MaintainedServiceView(a.ServiceId, a.Name, a.Status, a.ViaServiceId))]);
}

/// <summary>One of the client's services a window in progress reaches: under maintenance itself, or through <see cref="Via"/>, a service it depends on.</summary>
[GenerateSerializer, Alias("uc.MaintainedServiceView")]
public sealed record MaintainedServiceView(
    [property: Id(0)] string ServiceId,
    [property: Id(1)] string Name,
    [property: Id(2)] ServiceStatus Status,
    [property: Id(3)] string? Via);
