namespace UptimeCoordinator.Domain.Health;

/// <summary>What applying one observation did, which decides whether anything must be persisted.</summary>
public enum HealthApplyOutcome
{
    /// <summary>The event id was seen recently: accepted and ignored.</summary>
    Duplicate,

    /// <summary>Older than the newest observation of that check: must not flip state back.</summary>
    Stale,

    /// <summary>Agrees with what is already known: nothing worth a storage write.</summary>
    Unchanged,

    /// <summary>Counted towards a threshold, or a new check was recorded; the service status is unchanged.</summary>
    Counted,

    /// <summary>The service's derived status changed.</summary>
    StatusChanged,
}
