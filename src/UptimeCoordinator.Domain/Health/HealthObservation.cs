namespace UptimeCoordinator.Domain.Health;

/// <summary>One accepted health event, already validated and with its check name resolved.</summary>
public sealed record HealthObservation(
    string? EventId,
    HealthStatus Status,
    DateTimeOffset ObservedAt,
    string Source,
    string Check,
    string? Message)
{
    /// <summary>The check name used when a monitoring tool does not name one.</summary>
    public const string DefaultCheck = "default";
}
