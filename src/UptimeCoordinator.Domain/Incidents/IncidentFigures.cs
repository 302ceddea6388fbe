namespace UptimeCoordinator.Domain.Incidents;

/// <summary>
/// The measures of one incident: how fast it was acknowledged, resolved and told to clients, how
/// clients rated it, and whether it came back. Kept in the incident index for the statistics.
/// </summary>
public sealed record IncidentFigures(
    string IncidentId,
    DateTimeOffset OpenedAt,
    IncidentStage Stage,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? FirstClientNoticeAt,
    int ReopenCount,
    int RatingSum,
    int RatingCount)
{
    public TimeSpan? TimeToAcknowledge => AcknowledgedAt - OpenedAt;

    /// <summary>Null while it is open: an incident that came back counts until its last resolution.</summary>
    public TimeSpan? TimeToResolve => Stage is IncidentStage.Resolved or IncidentStage.Closed ? ResolvedAt - OpenedAt : null;

    public TimeSpan? TimeToClientNotice => FirstClientNoticeAt - OpenedAt;

    /// <summary>Reports nobody confirmed are not incidents of the service: they stay out of the figures.</summary>
    public bool Counts => Stage is not (IncidentStage.Suspected or IncidentStage.Dismissed);

    public static IncidentFigures Of(Incident incident) => new(
        incident.Id,
        incident.OpenedAt,
        incident.Stage,
        incident.AcknowledgedAt,
        incident.ResolvedAt,
        incident.FirstClientNoticeAt,
        incident.ReopenCount,
        incident.Feedback.Where(f => f.Rating is not null).Sum(f => f.Rating!.Value),
        incident.Feedback.Count(f => f.Rating is not null));
}
