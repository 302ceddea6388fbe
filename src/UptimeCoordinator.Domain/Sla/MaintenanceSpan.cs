namespace UptimeCoordinator.Domain.Sla;

/// <summary>
/// A planned maintenance window as the SLA sees it: when it was promised, when it was announced
/// and when the work actually ended (<see langword="null"/>: not recorded, or still within the window).
/// Cancelled windows should not be passed: they excuse nothing.
/// </summary>
public sealed record MaintenanceSpan(
    string Id,
    IReadOnlyList<string> ServiceIds,
    DateTimeOffset Start,
    DateTimeOffset End,
    DateTimeOffset AnnouncedAt,
    DateTimeOffset? EndedAt)
{
    /// <summary>
    /// DESIGN.md §2, "Don't cheat SLAs": a window is excluded from the SLA only if the promised
    /// notice was actually given and the work stayed inside it. Anything else counts as downtime.
    /// </summary>
    public bool QualifiesForExclusion(int maintenanceNoticeHours) =>
        AnnouncedAt <= Start.AddHours(-maintenanceNoticeHours)
        && (EndedAt is not { } ended || ended <= End);

    /// <summary>The last instant work went on: the planned end, or later if it overran.</summary>
    internal DateTimeOffset WorkedUntil => EndedAt is { } ended && ended > End ? ended : End;
}
