namespace UptimeCoordinator.Domain.Services;

/// <summary>What ops declare about a monitored service: its identity, dependencies and detection policy.</summary>
public sealed record ServiceDefinition(
    string Id,
    string Name,
    string? Description,
    string? Group,
    IReadOnlyList<string> DependsOn,
    DetectionPolicy Detection);
