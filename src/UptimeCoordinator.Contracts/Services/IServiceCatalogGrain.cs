using Orleans.Concurrency;

namespace UptimeCoordinator.Contracts.Services;

/// <summary>
/// The index of all services and their dependency edges (single key <see cref="Key"/>). Only
/// catalogue writes and listings reach it, never the ingest path.
/// </summary>
[Alias("uc.IServiceCatalogGrain")]
public interface IServiceCatalogGrain : IGrainWithStringKey
{
    const string Key = "all";

    /// <summary>Records or replaces a service's dependencies, unless one is unknown or they close a cycle.</summary>
    [Alias("Register")]
    Task<DependencyCheckResult> RegisterAsync(string serviceId, string[] dependsOn);

    /// <summary>Removes a service; returns the services that depend on it instead, if any.</summary>
    [Alias("Unregister")]
    Task<string[]> UnregisterAsync(string serviceId);

    /// <summary>Service ids in ordinal order, strictly after <paramref name="after"/>.</summary>
    [Alias("List")]
    Task<IdPage> ListAsync(string? after, int limit);

    /// <summary>The services that depend on <paramref name="serviceId"/>, directly or through others.</summary>
    [Alias("Dependents"), ReadOnly]
    Task<string[]> DependentsAsync(string serviceId);

    /// <summary>The ids in <paramref name="serviceIds"/> that are not in the catalogue.</summary>
    [Alias("FindUnknown"), ReadOnly]
    Task<string[]> FindUnknownAsync(string[] serviceIds);
}
