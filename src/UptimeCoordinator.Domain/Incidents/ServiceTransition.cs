using UptimeCoordinator.Domain.Health;

namespace UptimeCoordinator.Domain.Incidents;

/// <summary>What an incident must do because of one status change of one service.</summary>
public enum ServiceTransitionKind
{
    Open,
    Update,
    Resolve,
    Reopen,

    /// <summary>Monitoring confirms the client's report the service had on record as suspected.</summary>
    Confirm,
}

/// <summary>
/// A status change handed from a service to its incident. <c>(ServiceId, Change.Sequence)</c>
/// identifies it, so a retried hand-over is recognised and applied once.
/// </summary>
public sealed record ServiceTransition(ServiceTransitionKind Kind, string IncidentId, string ServiceId, StatusChange Change);
