namespace UptimeCoordinator.Contracts.Services;

public enum RemoveServiceOutcome
{
    Removed,
    NotFound,
    HasDependents,
    HasOpenIncident,
}

[GenerateSerializer, Alias("uc.RemoveServiceResult")]
public sealed record RemoveServiceResult(
    [property: Id(0)] RemoveServiceOutcome Outcome,
    [property: Id(1)] string[] Dependents,
    [property: Id(2)] string? OpenIncidentId);
