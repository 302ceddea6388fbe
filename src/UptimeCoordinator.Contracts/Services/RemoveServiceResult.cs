namespace UptimeCoordinator.Contracts.Services;

public enum RemoveServiceOutcome
{
    Removed,
    NotFound,
    HasDependents,
    HasOpenIncident,

    /// <summary>A status change has not reached its incident yet; removing now would lose it.</summary>
    HandOverPending,

    /// <summary>Clients subscribe to it; they would wait for news that never comes.</summary>
    HasSubscribers,

    /// <summary>A maintenance window is planned or running on it (<see cref="RemoveServiceResult.MaintenanceWindowId"/>).</summary>
    HasMaintenance,
}

[GenerateSerializer, Alias("uc.RemoveServiceResult")]
public sealed record RemoveServiceResult(
    [property: Id(0)] RemoveServiceOutcome Outcome,
    [property: Id(1)] string[] Dependents,
    [property: Id(2)] string? OpenIncidentId,
    [property: Id(3)] string? MaintenanceWindowId = null);
