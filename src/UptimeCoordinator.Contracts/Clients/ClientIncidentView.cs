using UptimeCoordinator.Domain.Incidents;

namespace UptimeCoordinator.Contracts.Clients;

/// <summary>An open incident as one client sees it: its stage, ETA, latest update, its public timeline and how long it has lasted (ISO 8601).</summary>
[GenerateSerializer, Alias("uc.ClientIncidentView")]
public sealed record ClientIncidentView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] IncidentSeverity Severity,
    [property: Id(3)] IncidentStage Stage,
    [property: Id(4)] DateTimeOffset StartedAt,
    [property: Id(5)] string OngoingFor,
    [property: Id(6)] DateTimeOffset? Eta,
    [property: Id(7)] LatestUpdateView? LatestUpdate,
    [property: Id(8)] DateTimeOffset? NextUpdateBy,
    [property: Id(9)] string[] AffectedServiceIds,
    [property: Id(10)] Costs.MoneyView? CostSoFar = null,
    [property: Id(11)] Costs.MoneyView? CostPerHour = null,
    [property: Id(12)] Incidents.TimelineEntryView[]? Updates = null);
