namespace UptimeCoordinator.Domain.Sla;

/// <summary>
/// A client's SLA month, measured from <paramref name="From"/> to <paramref name="MeasuredUntil"/>
/// (before <paramref name="To"/> while the month is in progress). The overall minutes are the
/// services' minutes weighted by subscription impact.
/// </summary>
/// <param name="Tier">The harshest credit tier the uptime falls into, or <see langword="null"/>.</param>
/// <param name="ErrorBudgetLeftMinutes">Negative once the target is missed.</param>
public sealed record SlaReport(
    int Year,
    int Month,
    DateTimeOffset From,
    DateTimeOffset To,
    DateTimeOffset MeasuredUntil,
    IReadOnlyList<ServiceSla> Services,
    double EligibleMinutes,
    double DownMinutes,
    double ExcludedMinutes,
    double UptimePercent,
    double TargetPercent,
    bool Met,
    CreditTier? Tier,
    decimal CreditAmount,
    double ErrorBudgetMinutes,
    double ErrorBudgetLeftMinutes);
