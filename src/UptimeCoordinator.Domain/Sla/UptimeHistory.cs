using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Sla;

/// <summary>
/// Day-by-day uptime of a client's services from its impact ledger, for the bars of a status page.
/// Each service's spans are swept once, boundary by boundary (span edges and local midnights): between
/// two boundaries nothing changes, so a stretch adds its length at the worst status active, and
/// overlapping incidents count once.
/// </summary>
public static class UptimeHistory
{
    public const int MaxDays = 400;

    /// <summary>
    /// Per service, one entry per calendar day in <paramref name="zone"/>, oldest first: the
    /// <paramref name="days"/> days ending with today, which counts up to <paramref name="now"/>.
    /// A status weighs as <paramref name="terms"/> say (the SLA's weights); planned work shows as
    /// maintenance minutes and does not lower the percentage, as on a public status page.
    /// </summary>
    public static IReadOnlyList<ServiceUptimeHistory> Daily(
        IEnumerable<ImpactSpan> spans, IReadOnlyList<string> serviceIds, TimeZoneInfo zone, int days, DateTimeOffset now, SlaTerms terms)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        var bounds = DayBounds(zone, days, now);
        var byService = spans.ToLookup(s => s.ServiceId, StringComparer.Ordinal);
        return [.. serviceIds.Select(id => Measure(id, byService[id], bounds, now, terms))];
    }

    /// <summary>The local midnights that start each day, as instants, and <paramref name="now"/> after the last.</summary>
    private static (DateOnly Date, long Start, long End)[] DayBounds(TimeZoneInfo zone, int days, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        return [.. Enumerable.Range(0, days).Select(i =>
        {
            var date = today.AddDays(i - days + 1);
            var end = i == days - 1 ? now.UtcTicks : Midnight(zone, date.AddDays(1));
            return (date, Midnight(zone, date), end);
        })];
    }

    /// <summary>The first instant of a local date: midnight, or the first valid time after it when a DST jump skips midnight.</summary>
    private static long Midnight(TimeZoneInfo zone, DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).UtcTicks;
    }

    private static ServiceUptimeHistory Measure(string serviceId, IEnumerable<ImpactSpan> spans, (DateOnly Date, long Start, long End)[] bounds, DateTimeOffset now, SlaTerms terms)
    {
        var first = bounds[0].Start;
        var last = now.UtcTicks;
        var edges = new List<(long At, ServiceStatus Status, int Delta)>();
        foreach (var span in spans)
        {
            var from = Math.Max(span.From.UtcTicks, first);
            var to = Math.Min(span.To?.UtcTicks ?? last, last);
            if (from < to && span.Status != ServiceStatus.Operational)
            {
                edges.Add((from, span.Status, +1));
                edges.Add((to, span.Status, -1));
            }
        }

        edges.Sort((a, b) => a.At.CompareTo(b.At));
        var active = new int[Enum.GetValues<ServiceStatus>().Length];
        var next = 0;
        var result = new List<DayUptime>(bounds.Length);
        double allLost = 0, allLength = 0;
        foreach (var (date, start, end) in bounds)
        {
            var day = new DayTally();
            var at = start;
            while (at < end)
            {
                while (next < edges.Count && edges[next].At <= at)
                {
                    active[(int)edges[next].Status] += edges[next].Delta;
                    next++;
                }

                var until = next < edges.Count ? Math.Min(edges[next].At, end) : end;
                day.Add(Worst(active), until - at, terms);
                at = until;
            }

            var length = end - start;
            allLost += day.LostTicks;
            allLength += length;
            result.Add(day.ToDay(date, length));
        }

        return new ServiceUptimeHistory(serviceId, Percent(allLost, allLength), result);
    }

    /// <summary>Trouble outranks planned work, and a worse outage a lesser one.</summary>
    private static int Rank(ServiceStatus status) => status switch
    {
        ServiceStatus.MajorOutage => 4,
        ServiceStatus.PartialOutage => 3,
        ServiceStatus.DegradedPerformance => 2,
        ServiceStatus.UnderMaintenance => 1,
        _ => 0,
    };

    private static ServiceStatus Worst(int[] active)
    {
        var worst = ServiceStatus.Operational;
        for (var i = 0; i < active.Length; i++)
        {
            if (active[i] > 0 && Rank((ServiceStatus)i) > Rank(worst))
            {
                worst = (ServiceStatus)i;
            }
        }

        return worst;
    }

    private static double Percent(double lostTicks, double lengthTicks) =>
        lengthTicks <= 0 ? 100.0 : Math.Round(100.0 * (1 - (lostTicks / lengthTicks)), 4);

    private sealed class DayTally
    {
        private long down, degraded, maintenance;
        private ServiceStatus worst = ServiceStatus.Operational;

        public double LostTicks { get; private set; }

        public void Add(ServiceStatus status, long ticks, SlaTerms terms)
        {
            if (ticks <= 0 || status == ServiceStatus.Operational)
            {
                return;
            }

            worst = Rank(status) > Rank(worst) ? status : worst;
            switch (status)
            {
                case ServiceStatus.UnderMaintenance:
                    maintenance += ticks;
                    return;
                case ServiceStatus.DegradedPerformance:
                    degraded += ticks;
                    break;
                default:
                    down += ticks;
                    break;
            }

            LostTicks += terms.WeightOf(status) * ticks;
        }

        public DayUptime ToDay(DateOnly date, long length) =>
            new(date, Percent(LostTicks, length), Minutes(down), Minutes(degraded), Minutes(maintenance), worst);

        private static int Minutes(long ticks) => (int)Math.Round((double)ticks / TimeSpan.TicksPerMinute, MidpointRounding.AwayFromZero);
    }
}
