using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Notices;

/// <summary>
/// A service one client subscribes to that an incident affects, and how: directly (its own outage),
/// or through <paramref name="ViaServiceId"/>, a service it depends on.
/// </summary>
public sealed record AffectedService(
    string ServiceId,
    string Name,
    ServiceStatus Status,
    string? ViaServiceId = null,
    string? ViaServiceName = null);
