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

    [Alias("Get"), ReadOnly]
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
}
