namespace UptimeCoordinator.Domain.Sla;

/// <summary>
/// When the month's SLA will be missed if the open outages go on as they are: the figure ops
/// need while an incident is still running.
/// </summary>
public static class SlaBreach
{
    /// <summary>
    /// The instant the month-to-date overall uptime falls below target, assuming open spans keep
    /// running and the known windows happen as planned; <paramref name="now"/> if it already is below,
    /// <see langword="null"/> if it will not be before the month ends.
    /// </summary>
    /// <remarks>
    /// Down minutes minus error budget, D(t) − (1 − target)·E(t), is linear between the instants
    /// where a span or window starts or ends: every rate is constant there. So it is measured at
    /// those instants, and the crossing is interpolated within the first stretch that ends below
    /// target. Bisection would not do: a qualifying window pauses the clock, so uptime need not
    /// fall monotonically.
    /// </remarks>
    public static DateTimeOffset? CrossingTime(
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
        var start = now < from ? from : now > to ? to : now;
        var report = SlaCalculator.Month(terms, zone, year, month, subscriptions, spans, maintenance, start);
        if (!report.Met)
        {
            return now;
        }

        var previous = (At: start, Excess: Excess(report));
        foreach (var at in Boundaries(spans, maintenance, start, to))
        {
            report = SlaCalculator.Month(terms, zone, year, month, subscriptions, spans, maintenance, at);
            var excess = Excess(report);
            if (!report.Met)
            {
                var share = Math.Clamp(-previous.Excess / (excess - previous.Excess), 0, 1);
                var ticks = (long)Math.Ceiling(share * (at - previous.At).Ticks);
                return TimeZoneInfo.ConvertTime(previous.At.AddTicks(ticks), zone);
            }

            previous = (at, excess);
        }

        return null;
    }

    private static double Excess(SlaReport report) => report.DownMinutes - report.ErrorBudgetMinutes;

    private static SortedSet<DateTimeOffset> Boundaries(
        IReadOnlyList<StatusSpan> spans, IReadOnlyList<MaintenanceSpan> maintenance, DateTimeOffset after, DateTimeOffset to)
    {
        var boundaries = new SortedSet<DateTimeOffset> { to };
        foreach (var at in spans.SelectMany(s => (DateTimeOffset?[])[s.From, s.To])
                     .Concat(maintenance.SelectMany(m => (DateTimeOffset?[])[m.Start, m.End])))
        {
            if (at is { } instant && instant > after && instant < to)
            {
                boundaries.Add(instant);
            }
        }

        return boundaries;
    }
}
