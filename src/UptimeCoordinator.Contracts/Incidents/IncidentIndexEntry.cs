namespace UptimeCoordinator.Contracts.Incidents;

[GenerateSerializer, Alias("uc.IncidentIndexEntry")]
public sealed record IncidentIndexEntry(
    [property: Id(0)] string IncidentId,
    [property: Id(1)] DateTimeOffset OpenedAt,
    [property: Id(2)] bool IsOpen);
