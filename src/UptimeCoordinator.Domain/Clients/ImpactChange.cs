using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Domain.Clients;

/// <summary>A client's impact after an incident step, and the services of its the step tells about.</summary>
public sealed record ImpactChange(ClientImpact Impact, IReadOnlyList<AffectedService> Affected);
