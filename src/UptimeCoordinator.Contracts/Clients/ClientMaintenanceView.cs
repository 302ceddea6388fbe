using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Contracts.Clients;

/// <summary>A maintenance window in progress on some of the client's services, and how each fares.</summary>
[GenerateSerializer, Alias("uc.ClientMaintenanceView")]
public sealed record ClientMaintenanceView(
    [property: Id(0)] string WindowId,
    [property: Id(1)] string Title,
    [property: Id(2)] DateTimeOffset Start,
    [property: Id(3)] DateTimeOffset End,
    [property: Id(4)] AffectedServiceView[] Services)
{
    public static ClientMaintenanceView Of(string windowId, string title, DateTimeOffset start, DateTimeOffset end, IEnumerable<AffectedService> affected) =>
        new(windowId, title, start, end, [.. affected.Select(a => AffectedServiceView.From(a, windowId, start))]);
}
