using UptimeCoordinator.Domain.Maintenance;

namespace UptimeCoordinator.Contracts.Changes;

/// <summary>A maintenance window was scheduled, moved, cancelled, started or completed; its state after that.</summary>
[GenerateSerializer, Alias("uc.MaintenanceChanged")]
public sealed record MaintenanceChanged(
    [property: Id(0)] string WindowId,
    [property: Id(1)] string Title,
    [property: Id(2)] MaintenanceStage State,
    [property: Id(3)] string[] ServiceIds,
    [property: Id(4)] DateTimeOffset Start,
    [property: Id(5)] DateTimeOffset End,
    [property: Id(6)] int Revision,
    [property: Id(7)] DateTimeOffset At) : ChangeEvent
{
    public static MaintenanceChanged Of(MaintenanceWindow w, DateTimeOffset at) =>
        new(w.Id, w.Title, w.Stage, [.. w.ServiceIds], w.Start, w.End, w.Revision, at);
}
