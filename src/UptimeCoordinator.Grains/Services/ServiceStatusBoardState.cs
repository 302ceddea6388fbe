using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Grains.Services;

/// <summary>Persisted state of <see cref="ServiceStatusBoardGrain"/>.</summary>
public sealed class ServiceStatusBoardState
{
    public Dictionary<string, ServiceStatus> Statuses { get; set; } = new(StringComparer.Ordinal);
}
