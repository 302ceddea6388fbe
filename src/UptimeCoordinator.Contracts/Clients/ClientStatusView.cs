using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Contracts.Clients;

/// <summary>
/// What a client sees: its worst current status, the services of its that are affected and the
/// open incidents behind them, the maintenance windows in progress on its services, and the
/// follow-up questions it has not answered yet.
/// </summary>
[GenerateSerializer, Alias("uc.ClientStatusView")]
public sealed record ClientStatusView(
    [property: Id(0)] string ClientId,
    [property: Id(1)] string Name,
    [property: Id(2)] string TimeZone,
    [property: Id(3)] ServiceStatus Status,
    [property: Id(4)] AffectedServiceView[] AffectedServices,
    [property: Id(5)] ClientIncidentView[] Incidents,
    [property: Id(6)] DateTimeOffset AsOf,
    [property: Id(7)] Costs.MoneyView? TotalCost = null,
    [property: Id(8)] Costs.MoneyView? CostPerHour = null,
    [property: Id(9)] ClientMaintenanceView[]? Maintenance = null,
    [property: Id(10)] ClientAskView[]? Asks = null);
