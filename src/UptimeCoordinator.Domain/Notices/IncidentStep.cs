using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Notices;

/// <summary>
/// One step of an incident as the subscription index fans it out to clients: a failed service's
/// transition, and every service it reaches through the dependency graph.
/// </summary>
public sealed record IncidentStep(
    ServiceTransitionKind Kind,
    string IncidentId,
    string ServiceId,
    string ServiceName,
    long Sequence,
    ServiceStatus Status,
    DateTimeOffset At,
    string? Message,
    IReadOnlyList<ImpactedService> Impacted)
{
    public bool Resolves => Kind == ServiceTransitionKind.Resolve;

    public string Title => Incident.TitleFor(ServiceName, Status);
}
