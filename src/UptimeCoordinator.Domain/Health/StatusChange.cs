using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Health;

/// <summary>A change of a service's derived status, caused by one observation.</summary>
public sealed record StatusChange(
    long Sequence,
    ServiceStatus From,
    ServiceStatus To,
    DateTimeOffset At,
    string Source,
    string Check,
    string? Message);
