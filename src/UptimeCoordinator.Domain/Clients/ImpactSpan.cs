using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Clients;

/// <summary>
/// One service of a client in one status because of one incident, from <see cref="From"/> until
/// <see cref="To"/> (null: still). Cost and SLA figures are computed from these at read time.
/// </summary>
public sealed record ImpactSpan(string IncidentId, string ServiceId, ServiceStatus Status, DateTimeOffset From, DateTimeOffset? To)
{
    public bool IsOpen => To is null;
}
