using UptimeCoordinator.Domain.Incidents;

namespace UptimeCoordinator.Contracts.Changes;

/// <summary>An incident was opened, updated, acknowledged, resolved or reopened; its state after that.</summary>
[GenerateSerializer, Alias("uc.IncidentChanged")]
public sealed record IncidentChanged(
    [property: Id(0)] string IncidentId,
    [property: Id(1)] IncidentChangeKind Kind,
    [property: Id(2)] string Title,
    [property: Id(3)] IncidentStage Stage,
    [property: Id(4)] IncidentSeverity Severity,
    [property: Id(5)] string[] ServiceIds,
    [property: Id(6)] DateTimeOffset At) : ChangeEvent
{
    public static IncidentChanged Of(Incident incident, IncidentChangeKind kind, DateTimeOffset at) =>
        new(incident.Id, kind, incident.Title, incident.Stage, incident.Severity, [.. incident.ServiceIds], at);
}
