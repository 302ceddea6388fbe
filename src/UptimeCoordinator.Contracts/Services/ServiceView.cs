using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Contracts.Services;

/// <summary>A service's definition and live status, as the API shows it.</summary>
[GenerateSerializer, Alias("uc.ServiceView")]
public sealed record ServiceView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Description,
    [property: Id(3)] string? Group,
    [property: Id(4)] string[] DependsOn,
    [property: Id(5)] DetectionSettings Detection,
    [property: Id(6)] ServiceStatus Status,
    [property: Id(7)] DateTimeOffset? Since,
    [property: Id(8)] string? OpenIncidentId,
    [property: Id(9)] CheckView[] Checks,
    [property: Id(10)] DateTimeOffset CreatedAt,
    [property: Id(11)] DateTimeOffset UpdatedAt,
    [property: Id(12)] Costs.CostAcrossClientsView? OpenOutageCost = null);
