namespace UptimeCoordinator.Domain.Health;

/// <summary>The outcome of one observation and, when the service status moved, the change.</summary>
public sealed record HealthApplyResult(HealthApplyOutcome Outcome, StatusChange? Change = null)
{
    public bool ChangedState => Outcome is HealthApplyOutcome.Counted or HealthApplyOutcome.StatusChanged;
}
