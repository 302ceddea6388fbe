using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Costs;

/// <summary>
/// How much of a subscription's work a status stops: a full outage loses everything, a partial or
/// degraded one only a share. Configurable per client because "slow" costs a trading desk more
/// than a back office.
/// </summary>
public sealed record SeverityFactors(double MajorOutage = 1.0, double PartialOutage = 0.5, double DegradedPerformance = 0.2)
{
    public static SeverityFactors Default { get; } = new();

    /// <summary>
    /// The factor for <paramref name="status"/>. Maintenance counts as a major outage: the service
    /// is unavailable whether or not we announced it, which is what the window recommender weighs.
    /// </summary>
    public double For(ServiceStatus status) => status switch
    {
        ServiceStatus.Operational => 0,
        ServiceStatus.DegradedPerformance => DegradedPerformance,
        ServiceStatus.PartialOutage => PartialOutage,
        ServiceStatus.MajorOutage or ServiceStatus.UnderMaintenance => MajorOutage,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown service status."),
    };
}
