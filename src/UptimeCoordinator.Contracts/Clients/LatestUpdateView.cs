using UptimeCoordinator.Domain.Incidents;

namespace UptimeCoordinator.Contracts.Clients;

/// <summary>The newest public entry of an incident's timeline.</summary>
[GenerateSerializer, Alias("uc.LatestUpdateView")]
public sealed record LatestUpdateView(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] TimelineEntryKind Kind,
    [property: Id(2)] string? Message);
