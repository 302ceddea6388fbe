using UptimeCoordinator.Contracts.Clients;
using UptimeCoordinator.Contracts.Costs;
using UptimeCoordinator.Contracts.Incidents;
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

    public static async Task<CostAcrossClientsView> OfIncidentAsync(IGrainFactory grains, string incidentId, IReadOnlyCollection<string> serviceIds, DateTimeOffset now) =>
        await SharesAsync(grains, incidentId, await ImpactReach.ClientsReachedAsync(grains, serviceIds), now);

    /// <summary>The incident with its running cost and the clients it reaches, by name, for ops.</summary>
    public static async Task<IncidentView> AddToAsync(IGrainFactory grains, IncidentView incident, DateTimeOffset now)
    {
        var clients = await ImpactReach.ClientsReachedAsync(grains, incident.ServiceIds);
        var cost = SharesAsync(grains, incident.Id, clients, now);
        var views = await Task.WhenAll(clients.Select(id => grains.GetGrain<IClientGrain>(id).GetAsync()));
        var affected = views.OfType<ClientView>().Select(c => new AffectedClientView(c.Id, c.Name)).OrderBy(c => c.ClientId, StringComparer.Ordinal).ToArray();
        return incident with { Cost = await cost, AffectedClients = affected };
    }

    private static async Task<CostAcrossClientsView> SharesAsync(IGrainFactory grains, string incidentId, IEnumerable<string> clients, DateTimeOffset now)
    {
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
