using UptimeCoordinator.Domain.Health;
using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Grains.Services;

/// <summary>Persisted state of <see cref="ServiceGrain"/>.</summary>
public sealed class ServiceState
{
    public ServiceDefinition? Definition { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public ServiceHealth Health { get; set; } = new();

    public string? OpenIncidentId { get; set; }

    /// <summary>A client's report on this service nobody has confirmed yet; monitoring's next outage confirms it.</summary>
    public string? SuspectedIncidentId { get; set; }

    public RecentResolution? LastResolved { get; set; }

    /// <summary>The maintenance window the service is in; while set it shows <c>under_maintenance</c> and outages open no incident.</summary>
    public ActiveMaintenance? Maintenance { get; set; }

    public EndedMaintenance? LastMaintenance { get; set; }

    /// <summary>While set, the pending transitions (an overrun's) wait for the window's completion notices.</summary>
    public HeldHandOver? HeldForWindow { get; set; }

    /// <summary>What the service shows: under maintenance while a window runs, else what monitoring says.</summary>
    public Domain.Services.ServiceStatus ShownStatus => Maintenance is null ? Health.Status : Domain.Services.ServiceStatus.UnderMaintenance;

    /// <summary>
    /// Status changes persisted but not yet acknowledged by their incident grain. They survive a
    /// crash and are handed over again; the incident grain ignores repeats.
    /// </summary>
    public List<ServiceTransition> PendingTransitions { get; set; } = [];

    /// <summary>
    /// Transitions their incident has, handed to the subscription index for fan-out to clients but
    /// not yet reported done. Handed over again after a crash; clients ignore repeats.
    /// </summary>
    public List<ServiceTransition> PendingFanOuts { get; set; } = [];

    public bool HasHandOversPending => PendingTransitions.Count > 0 || PendingFanOuts.Count > 0;
}
