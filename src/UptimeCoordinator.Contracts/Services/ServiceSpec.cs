namespace UptimeCoordinator.Contracts.Services;

/// <summary>A service definition as ops submit it.</summary>
[GenerateSerializer, Alias("uc.ServiceSpec")]
public sealed record ServiceSpec(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Description,
    [property: Id(2)] string? Group,
    [property: Id(3)] string[] DependsOn,
    [property: Id(4)] DetectionSettings Detection);
