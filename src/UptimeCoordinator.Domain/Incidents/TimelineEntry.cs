using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Incidents;

/// <summary>One line of an incident's timeline: what happened, when, and who or what said so.</summary>
public sealed record TimelineEntry(
    DateTimeOffset At,
    TimelineEntryKind Kind,
    IncidentStage Stage,
    string Source,
    string? ServiceId,
    ServiceStatus? ServiceStatus,
    string? Message,
    DateTimeOffset? Eta = null);
