using UptimeCoordinator.Domain.Maintenance;

namespace UptimeCoordinator.Contracts.Maintenance;

/// <summary>
/// What the maintenance index keeps of one window: enough to list and filter windows, to refuse an
/// overlapping one, to steer the recommender around it, and for the SLA to decide what it excuses.
/// </summary>
/// <param name="AffectedServiceIds">The window's services and every service depending on them, when it was (re)scheduled.</param>
/// <param name="EndedAt">When the work ended as far as the SLA is concerned (see <see cref="MaintenanceWindow.EndedAt"/>); null while not over.</param>
[GenerateSerializer, Alias("uc.MaintenanceIndexEntry")]
public sealed record MaintenanceIndexEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string[] ServiceIds,
    [property: Id(3)] string[] AffectedServiceIds,
    [property: Id(4)] DateTimeOffset Start,
    [property: Id(5)] DateTimeOffset End,
    [property: Id(6)] MaintenanceStage Stage,
    [property: Id(7)] DateTimeOffset AnnouncedAt,
    [property: Id(8)] bool Overran,
    [property: Id(9)] DateTimeOffset? EndedAt)
{
    public bool IsActive => Stage is MaintenanceStage.Scheduled or MaintenanceStage.InProgress;

    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => Start < end && start < End;

    public bool Touches(IEnumerable<string> serviceIds) => serviceIds.Any(s => ServiceIds.Contains(s, StringComparer.Ordinal));
}
