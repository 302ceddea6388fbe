namespace UptimeCoordinator.Domain.Incidents;

/// <summary>
/// One step of an incident that the incident itself hands out: a responder's action, a scheduled
/// step, or news for the responders. <see cref="Sequence"/> is the incident's own counter, so the
/// notice ids it yields never collide with those of the services' status changes.
/// </summary>
/// <param name="ClientId">Set when only this client is told (its report, its "not fixed").</param>
/// <param name="ContactId">Set when only this contact of <paramref name="ClientId"/> is told.</param>
public sealed record IncidentBulletin(
    long Sequence,
    BulletinKind Kind,
    DateTimeOffset At,
    string By,
    string? Message,
    DateTimeOffset? Eta,
    DateTimeOffset? PreviousEta,
    IncidentResolution? Resolution,
    string? ClientId = null,
    string? ContactId = null);
