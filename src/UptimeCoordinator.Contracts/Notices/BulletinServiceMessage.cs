using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Contracts.Notices;

[GenerateSerializer, Alias("uc.BulletinServiceMessage")]
public sealed record BulletinServiceMessage(
    [property: Id(0)] string ServiceId,
    [property: Id(1)] string Name,
    [property: Id(2)] ServiceStatus Status,
    [property: Id(3)] string? ViaServiceId,
    [property: Id(4)] string? ViaServiceName)
{
    public AffectedService ToDomain() => new(ServiceId, Name, Status, ViaServiceId, ViaServiceName);
}
