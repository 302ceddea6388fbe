using UptimeCoordinator.Domain.Incidents;

namespace UptimeCoordinator.Grains.Incidents;

/// <summary>Persisted state of <see cref="IncidentGrain"/>.</summary>
public sealed class IncidentState
{
    public Incident Incident { get; set; } = new();

    /// <summary>
    /// Bulletins persisted but not yet taken by everyone they reach, oldest first. They survive a
    /// crash and are handed out again; clients ignore repeats.
    /// </summary>
    public List<IncidentBulletin> PendingBulletins { get; set; } = [];
}
