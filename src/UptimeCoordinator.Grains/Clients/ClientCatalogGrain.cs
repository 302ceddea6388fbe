using UptimeCoordinator.Contracts;
using UptimeCoordinator.Contracts.Clients;

namespace UptimeCoordinator.Grains.Clients;

/// <summary>The list of clients. Only definitions and listings reach it, never the fan-out path.</summary>
[GrainType("client-catalog")]
public sealed class ClientCatalogGrain([PersistentState("catalog")] IPersistentState<ClientCatalogState> state)
    : Grain, IClientCatalogGrain
{
    public async Task RegisterAsync(string clientId)
    {
        if (state.State.Ids.Add(clientId))
        {
            await state.WriteOrDiscardAsync(this);
        }
    }

    public async Task UnregisterAsync(string clientId)
    {
        if (state.State.Ids.Remove(clientId))
        {
            await state.WriteOrDiscardAsync(this);
        }
    }

    public Task<IdPage> ListAsync(string? after, int limit) => Task.FromResult(Paging.PageAfter(state.State.Ids, after, limit));
}
