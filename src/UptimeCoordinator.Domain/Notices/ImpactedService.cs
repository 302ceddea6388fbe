namespace UptimeCoordinator.Domain.Notices;

/// <summary>
/// A service an incident reaches: the failed service itself (<paramref name="ViaServiceId"/> null),
/// or one that depends on it, directly or not.
/// </summary>
public sealed record ImpactedService(string ServiceId, string Name, string? ViaServiceId);
