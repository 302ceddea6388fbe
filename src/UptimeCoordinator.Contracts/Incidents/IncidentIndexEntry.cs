using UptimeCoordinator.Domain.Incidents;

namespace UptimeCoordinator.Contracts.Incidents;

/// <summary>An incident's place in the index, with the figures the statistics are computed from.</summary>
[GenerateSerializer, Alias("uc.IncidentIndexEntry")]
public sealed record IncidentIndexEntry(
    [property: Id(0)] string IncidentId,
    [property: Id(1)] DateTimeOffset OpenedAt,
    [property: Id(2)] bool IsOpen,
    [property: Id(3)] IncidentStage Stage = IncidentStage.Detected,
    [property: Id(4)] DateTimeOffset? AcknowledgedAt = null,
    [property: Id(5)] DateTimeOffset? ResolvedAt = null,
    [property: Id(6)] DateTimeOffset? FirstClientNoticeAt = null,
    [property: Id(7)] int ReopenCount = 0,
    [property: Id(8)] int RatingSum = 0,
    [property: Id(9)] int RatingCount = 0)
{
    public static IncidentIndexEntry Of(Incident incident)
    {
        var f = IncidentFigures.Of(incident);
        return new(incident.Id, incident.OpenedAt, incident.IsOpen, f.Stage, f.AcknowledgedAt, f.ResolvedAt, f.FirstClientNoticeAt, f.ReopenCount, f.RatingSum, f.RatingCount);
    }

    public IncidentFigures ToFigures() =>
        new(IncidentId, OpenedAt, Stage, AcknowledgedAt, ResolvedAt, FirstClientNoticeAt, ReopenCount, RatingSum, RatingCount);
}
