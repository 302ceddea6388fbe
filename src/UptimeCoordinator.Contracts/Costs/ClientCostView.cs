using UptimeCoordinator.Domain.Costs;

namespace UptimeCoordinator.Contracts.Costs;

/// <summary><c>GET /api/v1/clients/{id}/cost</c>: a client's downtime cost over a range, by incident and by service.</summary>
[GenerateSerializer, Alias("uc.ClientCostView")]
public sealed record ClientCostView(
    [property: Id(0)] string ClientId,
    [property: Id(1)] DateTimeOffset From,
    [property: Id(2)] DateTimeOffset To,
    [property: Id(3)] MoneyView Total,
    [property: Id(4)] CostShareView[] ByIncident,
    [property: Id(5)] CostShareView[] ByService)
{
    public static ClientCostView Of(string clientId, ClientCostBreakdown b) => new(
        clientId, b.From, b.To, MoneyView.Of(b.Total, b.Currency),
        [.. b.ByIncident.Select(s => new CostShareView(s.Id, MoneyView.Of(s.Amount, b.Currency)))],
        [.. b.ByService.Select(s => new CostShareView(s.Id, MoneyView.Of(s.Amount, b.Currency)))]);
}

/// <summary>What one incident or service cost; <see cref="Id"/> is the incident or service id.</summary>
[GenerateSerializer, Alias("uc.CostShareView")]
public sealed record CostShareView([property: Id(0)] string Id, [property: Id(1)] MoneyView Cost);

/// <summary>One client's share of an incident's or a service outage's cost.</summary>
[GenerateSerializer, Alias("uc.ClientCostShare")]
public sealed record ClientCostShare([property: Id(0)] string ClientId, [property: Id(1)] MoneyView Cost, [property: Id(2)] MoneyView RatePerHour);

/// <summary>The running cost of an incident or outage across the clients it reaches: per client, and in total per currency.</summary>
[GenerateSerializer, Alias("uc.CostAcrossClientsView")]
public sealed record CostAcrossClientsView(
    [property: Id(0)] ClientCostShare[] ByClient,
    [property: Id(1)] MoneyView[] Total,
    [property: Id(2)] MoneyView[] RatePerHour,
    [property: Id(3)] DateTimeOffset AsOf);
