namespace UptimeCoordinator.Domain.Sla;

/// <summary>
/// A client's SLA month from the stored status spans and maintenance windows, computed at read
/// time in closed form (DESIGN.md §3, "money and time are computed, not ticked").
/// </summary>
public static class SlaCalculator
{
    /// <summary>
    /// Uptime is a ratio of doubles: a month exactly on target (43.2 minutes down in a 30-day month
    /// at 99.9 %) must not miss it, or earn a credit, through rounding noise. A billionth of a
    /// percentage point is a few milliseconds of a month.
    /// </summary>
    public const double BoundaryTolerancePercent = 1e-9;

    /// <summary>
    /// Measures the calendar month <paramref name="year"/>-<paramref name="month"/> in
    /// <paramref name="zone"/> up to <paramref name="now"/>: a month in progress is measured to date
    /// and a month still to come measures nothing (100 %, met).
    /// </summary>
    /// <param name="subscriptions">Each service with its impact (0..1). The overall figures weigh each
    /// service's minutes by it, because a service that stops little of the client's work should cost
    /// the client's SLA little; a service of impact 0 is reported but weighs nothing.</param>
    /// <param name="spans">Status spans of any services; those of unsubscribed services are ignored.</param>
    /// <param name="maintenance">Planned windows; an empty list excludes nothing.</param>
    public static SlaReport Month(
        SlaTerms terms,
        TimeZoneInfo zone,
        int year,
        int month,
        IReadOnlyList<(string ServiceId, double Impact)> subscriptions,
        IReadOnlyList<StatusSpan> spans,
        IReadOnlyList<MaintenanceSpan> maintenance,
        DateTimeOffset now)
    {
        var (from, to) = SlaMonth.Bounds(zone, year, month);
        var measuredUntil = TimeZoneInfo.ConvertTime(now < from ? from : now > to ? to : now, zone);
        var spansByService = spans.ToLookup(s => s.ServiceId, StringComparer.Ordinal);

        var services = new List<ServiceSla>(subscriptions.Count);
        double eligible = 0, down = 0, excluded = 0;
        foreach (var (serviceId, impact) in subscriptions)
        {
            var service = ServiceSlaCalculator.Measure(serviceId, terms, from, measuredUntil, spansByService[serviceId], maintenance);
            services.Add(service);
            eligible += impact * service.EligibleMinutes;
            down += impact * service.DownMinutes;
            excluded += impact * service.ExcludedMinutes;
        }

        var uptime = UptimePercent(eligible, down);
        var tier = TierFor(terms.CreditTiers, uptime);
        var credit = tier is null
            ? 0m
            : decimal.Round(terms.MonthlyFee * (decimal)tier.CreditPercent / 100m, 2, MidpointRounding.AwayFromZero);
        var budget = eligible * (100 - terms.TargetPercent) / 100;

        return new SlaReport(
            year, month, from, to, measuredUntil, services, eligible, down, excluded, uptime,
            terms.TargetPercent, uptime >= terms.TargetPercent - BoundaryTolerancePercent, tier, credit, budget, budget - down);
    }

    /// <summary>(eligible − down) / eligible as a percentage; nothing eligible means nothing was broken.</summary>
    internal static double UptimePercent(double eligibleMinutes, double downMinutes) =>
        eligibleMinutes <= 0 ? 100 : Math.Clamp(100 - (100 * downMinutes / eligibleMinutes), 0, 100);

    // Tiers nest (below 99.9, below 99.0, ...), and the client is owed the harshest one that applies.
    private static CreditTier? TierFor(IReadOnlyList<CreditTier> tiers, double uptime) =>
        tiers
            .Where(t => uptime < t.BelowPercent - BoundaryTolerancePercent)
            .MinBy(t => t.BelowPercent);
}
