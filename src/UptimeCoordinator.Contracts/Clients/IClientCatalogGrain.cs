namespace UptimeCoordinator.Contracts.Clients;

/// <summary>The list of every client id (single key <see cref="Key"/>), for paginated listing only.</summary>
[Alias("uc.IClientCatalogGrain")]
public interface IClientCatalogGrain : IGrainWithStringKey
{
    const string Key = "all";

    [Alias("Register")]
    Task RegisterAsync(string clientId);

    [Alias("Unregister")]
    Task UnregisterAsync(string clientId);

    /// <summary>Client ids in ordinal order, strictly after <paramref name="after"/>.</summary>
    [Alias("List")]
    Task<IdPage> ListAsync(string? after, int limit);
}
