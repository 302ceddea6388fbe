namespace UptimeCoordinator.Contracts.Incidents;

public enum IncidentCommandOutcome
{
    Done = 0,
    NotFound = 1,

    /// <summary>The action makes no sense at the incident's stage; nothing changed.</summary>
    Conflict = 2,

    /// <summary>A report joined an incident already open on its services (<see cref="IncidentCommandResult.Incident"/>).</summary>
    Joined = 3,
}

[GenerateSerializer, Alias("uc.IncidentCommandResult")]
public sealed record IncidentCommandResult(
    [property: Id(0)] IncidentCommandOutcome Outcome,
    [property: Id(1)] string? Detail,
    [property: Id(2)] IncidentView? Incident)
{
    public static IncidentCommandResult NotFound { get; } = new(IncidentCommandOutcome.NotFound, null, null);

    public static IncidentCommandResult Conflict(string detail) => new(IncidentCommandOutcome.Conflict, detail, null);
}
