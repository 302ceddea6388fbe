using UptimeCoordinator.Domain.Incidents;

namespace UptimeCoordinator.Domain.Notices;

/// <summary>
/// Everything one incident notice to one contact says, already narrowed to that contact's client:
/// what is affected for them, since when, what is being done, when they hear next and the ETA.
/// Times are instants; the text shows them in <see cref="TimeZone"/>, the contact's zone.
/// </summary>
public sealed record IncidentNoticeFacts(
    string NoticeId,
    NoticeKind Kind,
    string ClientId,
    string ClientName,
    string ContactName,
    string IncidentId,
    string IncidentTitle,
    IncidentSeverity Severity,
    IReadOnlyList<AffectedService> AffectedServices,
    DateTimeOffset StartedAt,
    DateTimeOffset At,
    DateTimeOffset? ResolvedAt,
    string? Message,
    DateTimeOffset? NextUpdateBy,
    DateTimeOffset? Eta,
    TimeZoneInfo TimeZone);
