namespace UptimeCoordinator.Host.Services;

/// <summary>Body of <c>PUT /api/v1/services/{id}</c>.</summary>
public sealed record ServiceRequest(
    string? Id,
    string? Name,
    string? Description,
    string? Group,
    string[]? DependsOn,
    DetectionRequest? Detection);

/// <summary>Detection policy; omitted fields default to 1.</summary>
public sealed record DetectionRequest(int? FailureThreshold, int? RecoveryThreshold);
