using UptimeCoordinator.Contracts.Services;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Grains.Services;

/// <summary>Maps between the service contracts and the domain model.</summary>
internal static class ServiceViews
{
    public static ServiceDefinition ToDefinition(this ServiceSpec spec, string id) => new(
        id,
        spec.Name,
        spec.Description,
        spec.Group,
        spec.DependsOn,
        new DetectionPolicy(spec.Detection.FailureThreshold, spec.Detection.RecoveryThreshold));

    public static ServiceView ToView(this ServiceState state)
    {
        var definition = state.Definition ?? throw new InvalidOperationException("The service is not defined.");
        return new ServiceView(
            definition.Id,
            definition.Name,
            definition.Description,
            definition.Group,
            [.. definition.DependsOn],
            new DetectionSettings(definition.Detection.FailureThreshold, definition.Detection.RecoveryThreshold),
            state.ShownStatus,
            state.Maintenance?.Since ?? state.Health.Since,
            state.OpenIncidentId,
            [.. state.Health.Checks.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new CheckView(c.Key, c.Value.Confirmed, c.Value.LastObservedAt))],
            state.CreatedAt,
            state.UpdatedAt);
    }
}
