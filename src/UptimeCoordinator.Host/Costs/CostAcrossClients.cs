using UptimeCoordinator.Contracts.Clients;
using UptimeCoordinator.Contracts.Costs;
using UptimeCoordinator.Grains.Subscriptions;

namespace UptimeCoordinator.Host.Costs;

/// <summary>
/// The running cost of one incident across every client it can reach: the clients of its services
/// and of the services depending on them, each asked for its own figure (computed from its ledger
/// at read time), summed per currency.
/// </summary>
internal static class CostAcrossClients
{
    private const int MaxConcurrentReads = 256;

    public static async Task<CostAcrossClientsView> OfIncidentAsync(IGrainFactory grains, string incidentId, IReadOnlyCollection<string> serviceIds, DateTimeOffset now)
    {
        var clients = await ImpactReach.ClientsReachedAsync(grains, serviceIds);
        var shares = new List<ClientCostShare>();
        await Parallel.ForEachAsync(clients, new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentReads }, async (clientId, _) =>
        {
            if (await grains.GetGrain<IClientGrain>(clientId).CostOfIncidentAsync(incidentId) is { } share)
            {
                lock (shares)
                {
                    shares.Add(share);
                }
            }
        });

        var ordered = shares.OrderByDescending(s => s.Cost.Amount).ThenBy(s => s.ClientId, StringComparer.Ordinal).ToArray();
        return new CostAcrossClientsView(ordered, MoneyView.Sum(ordered.Select(s => s.Cost)), MoneyView.Sum(ordered.Select(s => s.RatePerHour)), now);
    }
}
