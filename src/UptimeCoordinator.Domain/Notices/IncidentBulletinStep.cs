using UptimeCoordinator.Domain.Incidents;

namespace UptimeCoordinator.Domain.Notices;

/// <summary>
/// An incident's bulletin as it reaches a client: the bulletin, the incident as it stands when it is
/// handed out, and every service it reaches with its status (the client narrows them to its own).
/// </summary>
public sealed record IncidentBulletinStep(
    IncidentBulletin Bulletin,
    string IncidentId,
    string Title,
    IncidentSeverity Severity,
    IncidentStage Stage,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ResolvedAt,
    IReadOnlyList<AffectedService> Impacted)
{
    public bool IncidentIsOpen => Stage is not (IncidentStage.Resolved or IncidentStage.Closed or IncidentStage.Dismissed);
}
