using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Contracts.Notices;

[GenerateSerializer, Alias("uc.ImpactedServiceMessage")]
public sealed record ImpactedServiceMessage(
    [property: Id(0)] string ServiceId,
    [property: Id(1)] string Name,
    [property: Id(2)] string? ViaServiceId)
{
    public ImpactedService ToDomain() => new(ServiceId, Name, ViaServiceId);
}
