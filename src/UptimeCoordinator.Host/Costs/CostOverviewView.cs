using UptimeCoordinator.Contracts.Costs;

namespace UptimeCoordinator.Host.Costs;

/// <summary>
/// <c>GET /api/v1/costs</c>: the downtime cost of one UTC calendar month over one page of clients,
/// by client and by service; <see cref="NextCursor"/> continues with the next clients.
/// </summary>
public sealed record CostOverviewView(
    string Month,
    DateTimeOffset From,
    DateTimeOffset To,
    ClientCostTotalView[] ByClient,
    ServiceCostTotalView[] ByService,
    MoneyView[] Total,
    string? NextCursor);

/// <summary>One client's downtime cost in the month, in its own currency.</summary>
public sealed record ClientCostTotalView(string ClientId, string Name, MoneyView Total);

/// <summary>What one service's downtime cost the listed clients, per currency.</summary>
public sealed record ServiceCostTotalView(string ServiceId, string Name, MoneyView[] Total);
