namespace UptimeCoordinator.Contracts.Maintenance;

public enum MaintenanceCommandOutcome
{
    Done = 0,
    NotFound = 1,

    /// <summary>The window is not in a stage that allows it (cancelling one in progress); nothing changed.</summary>
    Conflict = 2,

    /// <summary>Another window holds one of the services at that time (<see cref="MaintenanceCommandResult.Overlapping"/>).</summary>
    Overlaps = 3,

    AlreadyExists = 4,
}

[GenerateSerializer, Alias("uc.MaintenanceCommandResult")]
public sealed record MaintenanceCommandResult(
    [property: Id(0)] MaintenanceCommandOutcome Outcome,
    [property: Id(1)] string? Detail,
    [property: Id(2)] MaintenanceView? Window,
    [property: Id(3)] MaintenanceIndexEntry[] Overlapping)
{
    public static MaintenanceCommandResult NotFound { get; } = new(MaintenanceCommandOutcome.NotFound, null, null, []);

    public static MaintenanceCommandResult Conflict(string detail) => new(MaintenanceCommandOutcome.Conflict, detail, null, []);

    public static MaintenanceCommandResult Done(MaintenanceView window) => new(MaintenanceCommandOutcome.Done, null, window, []);
}
