using Orleans.Concurrency;
using UptimeCoordinator.Contracts.Health;

namespace UptimeCoordinator.Contracts.Services;

/// <summary>One monitored service (key: service id): its definition, health state machine and open incident.</summary>
[Alias("uc.IServiceGrain")]
public interface IServiceGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces the definition after the catalogue accepts its dependencies.</summary>
    [Alias("Define")]
    Task<DefineServiceResult> DefineAsync(ServiceSpec spec);

    /// <summary>Removes the service unless another service depends on it or an incident is open.</summary>
    [Alias("Remove")]
    Task<RemoveServiceResult> RemoveAsync();

    /// <summary>Interleaves, so that an incident or index waiting on this service never waits for a grain that waits on it.</summary>
    [Alias("Get"), ReadOnly, AlwaysInterleave]
    Task<ServiceView?> GetAsync();

    [Alias("Exists"), ReadOnly]
    Task<bool> ExistsAsync();

    /// <summary>
    /// Applies a batch of health events in order. Unknown service: nothing is applied. Persists
    /// before returning whenever state changed, and never writes when nothing did.
    /// </summary>
    [Alias("RecordHealth")]
    Task<HealthBatchResult> RecordHealthAsync(List<HealthEvent> events);

    /// <summary>
    /// The subscription index has told every client it reaches about the transitions up to
    /// <paramref name="sequence"/>; they can be forgotten.
    /// </summary>
    [Alias("FanOutCompleted")]
    Task FanOutCompletedAsync(long sequence);

    /// <summary>
    /// Records an incident that ops declare (or, with <paramref name="suspected"/>, a client's report)
    /// as this service's, so that monitoring's next change joins it rather than opening another.
    /// Returns the id of a different incident the service already has open (or, for a report, also
    /// one suspected), in which case nothing changes.
    /// </summary>
    [Alias("AttachIncident")]
    Task<string?> AttachIncidentAsync(string incidentId, bool suspected);

    /// <summary>
    /// Ops confirmed the incident, or a client's "not fixed" reopened it: it becomes the service's open
    /// incident unless another one is. One-way, because the incident calls it from its own turn
    /// while the service may be waiting on the incident.
    /// </summary>
    [Alias("PromoteIncident"), OneWay]
    Task PromoteIncidentAsync(string incidentId);

    /// <summary>
    /// The service no longer holds the incident: ops resolved it (<paramref name="resolved"/>: a quick
    /// recurrence reopens it), dismissed it, or a declaration was rolled back. One-way, as above.
    /// </summary>
    [Alias("ReleaseIncident"), OneWay]
    Task ReleaseIncidentAsync(string incidentId, DateTimeOffset at, bool resolved);

    /// <summary>
    /// A maintenance window begins: the service shows <c>under_maintenance</c> and outages monitoring
    /// sees open no incident until it ends. Idempotent.
    /// </summary>
    [Alias("BeginMaintenance")]
    Task BeginMaintenanceAsync(string windowId, DateTimeOffset at);

    /// <summary>
    /// The window ended at <paramref name="at"/>: the service shows what monitoring says again. If that
    /// is not operational, the work overran: an incident opens, and its id is returned; its hand-over waits
    /// for <see cref="ReleaseHandOverAsync"/> (or a couple of minutes at most). Idempotent.
    /// </summary>
    [Alias("EndMaintenance")]
    Task<string?> EndMaintenanceAsync(string windowId, DateTimeOffset at);

    /// <summary>
    /// The window has told every client it ended: the overrun's incident, held back until then so that
    /// nobody hears of it first, goes ahead. Idempotent.
    /// </summary>
    [Alias("ReleaseHandOver")]
    Task ReleaseHandOverAsync(string windowId);
}
