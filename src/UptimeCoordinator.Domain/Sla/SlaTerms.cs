using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Sla;

/// <summary>
/// What a client was promised: the monthly uptime target, the notice that makes maintenance
/// excusable, the credits owed when the target is missed, and how much each status hurts.
/// </summary>
/// <param name="PartialOutageWeight">Share of a minute of partial outage that counts as down (0..1).</param>
/// <param name="DegradedWeight">Share of a minute of degraded performance that counts as down (0..1).</param>
public sealed record SlaTerms(
    double TargetPercent,
    int MaintenanceNoticeHours,
    IReadOnlyList<CreditTier> CreditTiers,
    decimal MonthlyFee,
    double PartialOutageWeight,
    double DegradedWeight)
{
    /// <summary>DESIGN.md §2's example terms: 99.9 %, 72 hours' notice, 10/25/100 % credits.</summary>
    public static SlaTerms Default { get; } = new(
        99.9,
        72,
        [new CreditTier(99.9, 10), new CreditTier(99.0, 25), new CreditTier(95.0, 100)],
        0m,
        0.5,
        0);

    /// <summary>
    /// How much of each minute in <paramref name="status"/> counts as down. Maintenance weighs fully:
    /// inside a qualifying window it is excluded before weights apply, so a weight is only ever asked
    /// for maintenance that was not announced in time or overran, and that is downtime.
    /// </summary>
    public double WeightOf(ServiceStatus status) => status switch
    {
        ServiceStatus.Operational => 0,
        ServiceStatus.DegradedPerformance => DegradedWeight,
        ServiceStatus.PartialOutage => PartialOutageWeight,
        ServiceStatus.MajorOutage => 1,
        ServiceStatus.UnderMaintenance => 1,

        // A status this code does not know is not evidence of health; counting it keeps SLAs honest.
        _ => 1,
    };
}
