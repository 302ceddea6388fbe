namespace UptimeCoordinator.Grains.Clients;

/// <summary>Persisted state of <see cref="ClientCatalogGrain"/>.</summary>
public sealed class ClientCatalogState
{
    public SortedSet<string> Ids { get; set; } = new(StringComparer.Ordinal);
}
