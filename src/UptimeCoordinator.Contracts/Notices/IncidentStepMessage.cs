using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Contracts.Notices;

/// <summary>The wire form of <see cref="IncidentStep"/>: one message for every client the step reaches.</summary>
[GenerateSerializer, Alias("uc.IncidentStepMessage")]
public sealed record IncidentStepMessage(
    [property: Id(0)] ServiceTransitionKind Kind,
    [property: Id(1)] string IncidentId,
    [property: Id(2)] string ServiceId,
    [property: Id(3)] string ServiceName,
    [property: Id(4)] long Sequence,
    [property: Id(5)] ServiceStatus Status,
    [property: Id(6)] DateTimeOffset At,
    [property: Id(7)] string? Message,
    [property: Id(8)] ImpactedServiceMessage[] Impacted)
{
    public IncidentStep ToDomain() =>
        new(Kind, IncidentId, ServiceId, ServiceName, Sequence, Status, At, Message, [.. Impacted.Select(i => i.ToDomain())]);
}
