using UptimeCoordinator.Domain.Incidents;

namespace UptimeCoordinator.Contracts.Incidents;

/// <summary>An incident with its timeline, resolution, client answers and figures, as the API shows it.</summary>
[GenerateSerializer, Alias("uc.IncidentView")]
public sealed record IncidentView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string[] ServiceIds,
    [property: Id(3)] IncidentSeverity Severity,
    [property: Id(4)] IncidentStage Stage,
    [property: Id(5)] DateTimeOffset OpenedAt,
    [property: Id(6)] DateTimeOffset? ResolvedAt,
    [property: Id(7)] int ReopenCount,
    [property: Id(8)] TimelineEntryView[] Timeline,
    [property: Id(9)] IncidentOrigin Origin,
    [property: Id(10)] DateTimeOffset? Eta,
    [property: Id(11)] DateTimeOffset? AcknowledgedAt,
    [property: Id(12)] string? AcknowledgedBy,
    [property: Id(13)] DateTimeOffset? NextUpdateDue,
    [property: Id(14)] IncidentResolutionView? Resolution,
    [property: Id(15)] DateTimeOffset? FollowUpSentAt,
    [property: Id(16)] DateTimeOffset? SurveySentAt,
    [property: Id(17)] DateTimeOffset? ClosedAt,
    [property: Id(18)] IncidentReportView[] Reports,
    [property: Id(19)] IncidentFeedbackView[] Feedback,
    [property: Id(20)] IncidentFiguresView Figures,
    [property: Id(21)] Costs.CostAcrossClientsView? Cost = null,
    [property: Id(22)] AffectedClientView[]? AffectedClients = null)
{
    public static IncidentView From(Incident incident, TimeSpan updateInterval) => new(
        incident.Id,
        incident.Title,
        [.. incident.ServiceIds],
        incident.Severity,
        incident.Stage,
        incident.OpenedAt,
        incident.ResolvedAt,
        incident.ReopenCount,
        [.. incident.Timeline.Select(TimelineEntryView.From)],
        incident.Origin,
        incident.Eta,
        incident.AcknowledgedAt,
        incident.AcknowledgedBy,
        incident.NextUpdateDue(updateInterval),
        IncidentResolutionView.From(incident.Resolution),
        incident.FollowUpSentAt,
        incident.SurveySentAt,
        incident.ClosedAt,
        [.. incident.Reports.Select(IncidentReportView.From)],
        [.. incident.Feedback.Select(IncidentFeedbackView.From)],
        IncidentFiguresView.From(IncidentFigures.Of(incident)));
}
