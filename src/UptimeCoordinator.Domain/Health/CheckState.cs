namespace UptimeCoordinator.Domain.Health;

/// <summary>
/// One check of a service: the status the detection policy has confirmed, and the run of
/// consecutive observations that disagree with it.
/// </summary>
public sealed class CheckState
{
    public HealthStatus Confirmed { get; set; } = HealthStatus.Up;

    /// <summary>Newest <c>observedAt</c> applied; anything older is out of order and ignored.</summary>
    public DateTimeOffset LastObservedAt { get; set; }

    /// <summary>Consecutive observations disagreeing with <see cref="Confirmed"/>.</summary>
    public int PendingCount { get; set; }

    /// <summary>The latest of those disagreeing observations.</summary>
    public HealthStatus? PendingStatus { get; set; }
}
