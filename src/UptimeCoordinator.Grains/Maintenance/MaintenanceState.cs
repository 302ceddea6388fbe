using UptimeCoordinator.Contracts.Maintenance;
using UptimeCoordinator.Domain.Maintenance;

namespace UptimeCoordinator.Grains.Maintenance;

/// <summary>Persisted state of <see cref="MaintenanceGrain"/>.</summary>
public sealed class MaintenanceState
{
    public MaintenanceWindow Window { get; set; } = new();

    public string CreatedBy { get; set; } = "";

    /// <summary>The window's services and every service depending on them, as of the last (re)schedule.</summary>
    public List<string> AffectedServiceIds { get; set; } = [];

    /// <summary>The names of the window's own services, in its order, for the invite.</summary>
    public List<string> ServiceNames { get; set; } = [];

    /// <summary>Clients whose SLA asks for more notice than the window gives, as of the last (re)schedule.</summary>
    public List<SlaNoticeWarning> SlaWarnings { get; set; } = [];

    /// <summary>
    /// Bulletins persisted but not yet taken by every client they reach, oldest first. They survive a
    /// crash and are handed out again; clients ignore repeats.
    /// </summary>
    public List<MaintenanceBulletin> PendingBulletins { get; set; } = [];
}
