using UptimeCoordinator.Domain.Incidents;

namespace UptimeCoordinator.Contracts.Incidents;

/// <summary>Ops declare an incident on services, whatever monitoring says.</summary>
[GenerateSerializer, Alias("uc.DeclareIncident")]
public sealed record DeclareIncident(
    [property: Id(0)] string Title,
    [property: Id(1)] string[] ServiceIds,
    [property: Id(2)] IncidentSeverity Severity,
    [property: Id(3)] string By,
    [property: Id(4)] string? Message);
