namespace UptimeCoordinator.Grains.Services;

/// <summary>A maintenance window the service is in now.</summary>
public sealed record ActiveMaintenance(string WindowId, DateTimeOffset Since);

/// <summary>
/// The last window the service came out of, so a repeated end gets the same answer, and, if the work
/// overran into an incident, so the window hears when that incident is resolved.
/// </summary>
public sealed record EndedMaintenance(string WindowId, DateTimeOffset At, string? OverrunIncidentId, bool WorkEndReported);
