namespace UptimeCoordinator.Grains.Services;

/// <summary>A maintenance window the service is in now.</summary>
public sealed record ActiveMaintenance(string WindowId, DateTimeOffset Since);

/// <summary>
/// The last window the service came out of, so a repeated end gets the same answer, and, if the work
/// overran into an incident, so the window hears when that incident is resolved.
/// </summary>
public sealed record EndedMaintenance(string WindowId, DateTimeOffset At, string? OverrunIncidentId, bool WorkEndReported);

/// <summary>
/// An overrun's transition waits here until the window has told its clients that it ended, so that
/// nobody hears of the incident before the end of the work it came from. The wait is bounded: past
/// <c>Since</c> plus the hold limit the hand-over goes ahead anyway.
/// </summary>
public sealed record HeldHandOver(string WindowId, DateTimeOffset Since);
