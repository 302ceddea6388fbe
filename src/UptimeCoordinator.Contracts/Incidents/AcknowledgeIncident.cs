namespace UptimeCoordinator.Contracts.Incidents;

[GenerateSerializer, Alias("uc.AcknowledgeIncident")]
public sealed record AcknowledgeIncident(
    [property: Id(0)] string By,
    [property: Id(1)] DateTimeOffset? Eta,
    [property: Id(2)] string? Message);
