using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Contracts.Changes;

/// <summary>A service's live status moved from <see cref="From"/> to <see cref="To"/> at <see cref="Since"/>.</summary>
/// <param name="OpenIncidentId">The incident the service has open after this change, if any.</param>
[GenerateSerializer, Alias("uc.ServiceStatusChanged")]
public sealed record ServiceStatusChanged(
    [property: Id(0)] string ServiceId,
    [property: Id(1)] ServiceStatus From,
    [property: Id(2)] ServiceStatus To,
    [property: Id(3)] DateTimeOffset Since,
    [property: Id(4)] string? OpenIncidentId) : ChangeEvent;
