using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Sla;

/// <summary>
/// A client's service was in <paramref name="Status"/> from <paramref name="From"/> until
/// <paramref name="To"/> (<see langword="null"/>: it still is). Spans of one service may overlap,
/// say its own outage and one reaching it through a dependency; the worst of them counts, once.
/// </summary>
public sealed record StatusSpan(string ServiceId, ServiceStatus Status, DateTimeOffset From, DateTimeOffset? To);
