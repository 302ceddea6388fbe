using UptimeCoordinator.Domain.Incidents;

namespace UptimeCoordinator.Contracts.Incidents;

/// <summary>An incident with its timeline, as the API shows it.</summary>
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
    [property: Id(8)] TimelineEntryView[] Timeline)
{
    public static IncidentView From(Incident incident) => new(
        incident.Id,
        incident.Title,
        [.. incident.ServiceIds],
        incident.Severity,
        incident.Stage,
        incident.OpenedAt,
        incident.ResolvedAt,
        incident.ReopenCount,
        [.. incident.Timeline.Select(TimelineEntryView.From)]);
}
