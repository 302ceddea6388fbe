using Orleans.Concurrency;

namespace UptimeCoordinator.Contracts.Incidents;

/// <summary>One incident (key: incident id): its stage, severity and timeline.</summary>
[Alias("uc.IIncidentGrain")]
public interface IIncidentGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies a service's status change (open, update, resolve, reopen). Idempotent on the
    /// change's sequence, so the service grain can hand the same change over again after a crash.
    /// </summary>
    [Alias("ApplyServiceTransition")]
    Task ApplyServiceTransitionAsync(ServiceTransitionMessage transition);

    /// <summary>Acknowledges a detected incident; false when it does not exist or is past that stage.</summary>
    [Alias("Acknowledge")]
    Task<bool> AcknowledgeAsync(string by, string? message);

    [Alias("Get"), ReadOnly]
    Task<IncidentView?> GetAsync();
}
