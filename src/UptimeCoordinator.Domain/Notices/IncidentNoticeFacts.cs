using UptimeCoordinator.Domain.Incidents;

namespace UptimeCoordinator.Domain.Notices;

/// <summary>
/// Everything one incident notice to one contact says, already narrowed to that contact's client:
/// what is affected for them, since when, what is being done, when they hear next and the ETA.
/// Times are instants; the text shows them in <see cref="TimeZone"/>, the contact's zone.
/// </summary>
/// <param name="Bulletin">Set when the incident itself hands the step out (a responder's action, a scheduled step); null for monitoring's.</param>
/// <param name="Stage">The incident's stage when the notice was planned.</param>
/// <param name="By">Who took the step: a responder's name, <c>client:&lt;id&gt;</c> or <c>system</c>.</param>
/// <param name="PreviousEta">The ETA an <c>incident.eta_changed</c> notice replaces.</param>
/// <param name="Resolution">What was done, for resolved, follow-up and survey notices.</param>
/// <param name="FeedbackUrl">Where a follow-up or survey is answered, with <paramref name="FeedbackToken"/> in it.</param>
/// <param name="FeedbackToken">Proves the answer comes from this contact, without an API key.</param>
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
    TimeZoneInfo TimeZone,
    BulletinKind? Bulletin = null,
    IncidentStage Stage = IncidentStage.Detected,
    string? By = null,
    DateTimeOffset? PreviousEta = null,
    IncidentResolution? Resolution = null,
    string? FeedbackUrl = null,
    string? FeedbackToken = null);
