using UptimeCoordinator.Domain.Incidents;

namespace UptimeCoordinator.Contracts.Incidents;

[GenerateSerializer, Alias("uc.PostIncidentUpdate")]
public sealed record PostIncidentUpdate(
    [property: Id(0)] string By,
    [property: Id(1)] string Message,
    [property: Id(2)] IncidentStage? Stage,
    [property: Id(3)] DateTimeOffset? Eta);
