using UptimeCoordinator.Domain.Health;

namespace UptimeCoordinator.Host.Events;

/// <summary>One health event as a monitoring tool posts it to <c>POST /api/v1/events</c>.</summary>
public sealed record HealthEventRequest(
    string? ServiceId,
    HealthStatus? Status,
    DateTimeOffset? ObservedAt,
    string? Source,
    string? Check,
    string? Message,
    string? EventId);
