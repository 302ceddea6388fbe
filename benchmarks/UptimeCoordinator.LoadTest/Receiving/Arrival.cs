namespace UptimeCoordinator.LoadTest.Receiving;

/// <summary>
/// One delivery at the receiver: which scenario and contact it was for, its id (<c>webhook-id</c>, or
/// Alertmanager's group key), its type (<c>incident.detected</c>, …) and when it arrived
/// (<see cref="System.Diagnostics.Stopwatch"/> ticks, so that it compares with when an event was sent).
/// </summary>
internal sealed record Arrival(string Scenario, string Contact, string Id, string Type, string? Service, long At);
