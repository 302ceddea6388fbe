namespace UptimeCoordinator.Contracts.Incidents;

/// <summary>Ops confirm or dismiss a client's report.</summary>
[GenerateSerializer, Alias("uc.IncidentVerdict")]
public sealed record IncidentVerdict(
    [property: Id(0)] string By,
    [property: Id(1)] string? Message);
