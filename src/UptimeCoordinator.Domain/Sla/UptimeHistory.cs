using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Sla;

/// <summary>
/// Day-by-day uptime of a client's services from its impact ledger, for the bars of a status page.
/// Each service's spans are sorted once and swept boundary by boundary (span edges and local
/// midnights): between two boundaries nothing changes, so a stretch adds its length at the worst
/// status active, and overlapping incidents count once.
/// </summary>
public static class UptimeHistory
{
    /// <summary>As far back as the ledger keeps spans (<see cref="ImpactLedger.Keep"/>).</summary>
    public const int MaxDays = 400;

    /// <summary>
    /// Per service, one entry per calendar day in <paramref name="zone"/>, oldest first: the
    /// <paramref name="days"/> days ending with today, which counts up to <paramref name="now"/>,
    /// weighing each status as <see cref="SlaTerms.Default"/> does.
    /// </summary>
    public static IReadOnlyList<ServiceUptimeHistory> Daily(
        IEnumerable<ImpactSpan> spans, IReadOnlyList<string> serviceIds, TimeZoneInfo zone, int days, DateTimeOffset now) =>
        Daily(spans, serviceIds, zone, days, now, SlaTerms.Default);

    /// <summary>
    /// Per service, one entry per calendar day in <paramref name="zone"/>, oldest first: the
    /// <paramref name="days"/> days ending with today, which counts up to <paramref name="now"/>.
    /// A minute is down when the SLA of <paramref name="terms"/> would count any of it down
    /// (<see cref="SlaTerms.WeightOf"/> above 0), and the percentages lose what the SLA loses.
    /// Maintenance shows as maintenance minutes and costs nothing: the ledger cannot tell whether
    /// it was announced in time, and a status page does not count planned work against uptime.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is not 1..<see cref="MaxDays"/>.</exception>
    public static IReadOnlyList<ServiceUptimeHistory> Daily(
        IEnumerable<ImpactSpan> spans, IReadOnlyList<string> serviceIds, TimeZoneInfo zone, int days, DateTimeOffset now, SlaTerms terms)
    {
        ArgumentNullException.ThrowIfNull(spans);
        ArgumentNullException.ThrowIfNull(serviceIds);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);

        var calendar = DayCalendar(zone, days, now);
        var byService = spans.ToLookup(s => s.ServiceId, StringComparer.Ordinal);
        return [.. serviceIds.Select(id => Measure(id, byService[id], calendar, terms))];
    }

    /// <summary>Each day's date and first instant, oldest first; the last day ends at <paramref name="now"/>.</summary>
    private static (DateOnly[] Dates, long[] Bounds) DayCalendar(TimeZoneInfo zone, int days, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var dates = new DateOnly[days];
        var bounds = new long[days + 1];
        for (var i = 0; i < days; i++)
        {
            dates[i] = today.AddDays(i - days + 1);
            bounds[i] = StartOfDay(zone, dates[i]);
        }

        bounds[days] = now.UtcTicks;
        return (dates, bounds);
    }

    /// <summary>
    /// The first instant whose local date is <paramref name="date"/>: when a clock change skips
    /// midnight the day starts where the clocks land, and when midnight repeats it starts at the first.
    /// </summary>
    private static long StartOfDay(TimeZoneInfo zone, DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return local.Ticks - offset.Ticks;
    }

    private static ServiceUptimeHistory Measure(string serviceId, IEnumerable<ImpactSpan> spans, (DateOnly[] Dates, long[] Bounds) calendar, SlaTerms terms)
    {
        var (dates, bounds) = calendar;
        var first = bounds[0];
        var now = bounds[^1];
        var edges = new List<(long At, ServiceStatus Status, int Delta)>();
        foreach (var span in spans)
        {
            var from = Math.Max(span.From.UtcTicks, first);
            var to = Math.Min(span.To?.UtcTicks ?? now, now);
            if (from < to && span.Status != ServiceStatus.Operational)
            {
                edges.Add((from, span.Status, +1));
                edges.Add((to, span.Status, -1));
            }
        }

        edges.Sort((a, b) => a.At.CompareTo(b.At));
        var active = new ActiveStatuses(terms);
        var next = 0;
        var result = new DayUptime[dates.Length];
        double lostTicks = 0;
        for (var day = 0; day < dates.Length; day++)
        {
            var tally = new DayTally();
            for (var at = bounds[day]; at < bounds[day + 1];)
            {
                for (; next < edges.Count && edges[next].At <= at; next++)
                {
                    active.Apply(edges[next].Status, edges[next].Delta);
                }

                var until = next < edges.Count ? Math.Min(edges[next].At, bounds[day + 1]) : bounds[day + 1];
                tally.Add(active, until - at);
                at = until;
            }

            lostTicks += tally.LostTicks;
            result[day] = tally.ToDay(dates[day], bounds[day + 1] - bounds[day]);
        }

        return new ServiceUptimeHistory(serviceId, Percent(now - first, lostTicks), result);
    }

    private static double Percent(long lengthTicks, double lostTicks) =>
        SlaCalculator.UptimePercent((double)lengthTicks / TimeSpan.TicksPerMinute, lostTicks / TimeSpan.TicksPerMinute);

    /// <summary>Trouble outranks planned work, and a worse outage a lesser one.</summary>
    private static int Rank(ServiceStatus status) => status switch
    {
        ServiceStatus.Operational => 0,
        ServiceStatus.UnderMaintenance => 1,
        ServiceStatus.DegradedPerformance => 2,
        ServiceStatus.PartialOutage => 3,

        // As SlaTerms.WeightOf: a status this code does not know is not evidence of health.
        _ => 4,
    };

    /// <summary>The statuses in force at one instant, counted, since several incidents may hold the same one.</summary>
    private sealed class ActiveStatuses(SlaTerms terms)
    {
        private readonly Dictionary<ServiceStatus, int> counts = [];
        private bool stale;

        public ServiceStatus Worst { get; private set; } = ServiceStatus.Operational;

        /// <summary>The share of the time the SLA counts down: the heaviest of the trouble statuses, once.</summary>
        public double Weight { get; private set; }

        public bool Trouble { get; private set; }

        public bool Maintenance { get; private set; }

        public void Apply(ServiceStatus status, int delta)
        {
            var count = counts.GetValueOrDefault(status) + delta;
            if (count == 0)
            {
                counts.Remove(status);
            }
            else
            {
                counts[status] = count;
            }

            stale = true;
        }

        public void Refresh()
        {
            if (!stale)
            {
                return;
            }

            (Worst, Weight, Trouble, Maintenance) = (ServiceStatus.Operational, 0, false, false);
            foreach (var status in counts.Keys)
            {
                Worst = Rank(status) > Rank(Worst) ? status : Worst;
                if (status == ServiceStatus.UnderMaintenance)
                {
                    Maintenance = true;
                    continue;
                }

                Trouble = true;
                Weight = Math.Max(Weight, terms.WeightOf(status));
            }

            stale = false;
        }
    }

    private sealed class DayTally
    {
        private long down, degraded, maintenance;
        private ServiceStatus worst = ServiceStatus.Operational;

        public double LostTicks { get; private set; }

        public void Add(ActiveStatuses active, long ticks)
        {
            active.Refresh();
            if (ticks <= 0 || active.Worst == ServiceStatus.Operational)
            {
                return;
            }

            worst = Rank(active.Worst) > Rank(worst) ? active.Worst : worst;
            LostTicks += active.Weight * ticks;
            if (active.Weight > 0)
            {
                down += ticks;
            }
            else if (active.Trouble)
            {
                degraded += ticks;
            }
            else
            {
                maintenance += ticks;
            }
        }

        /// <summary>
        /// Rounding the running totals rather than each count keeps the three within a minute of the
        /// truth and their sum at the day's rounded length at most, as bars that add up need.
        /// </summary>
        public DayUptime ToDay(DateOnly date, long length)
        {
            var downMinutes = Minutes(down);
            var troubleMinutes = Minutes(down + degraded);
            var allMinutes = Minutes(down + degraded + maintenance);
            return new(date, Percent(length, LostTicks), downMinutes, troubleMinutes - downMinutes, allMinutes - troubleMinutes, worst);
        }

        private static int Minutes(long ticks) => (int)Math.Round((double)ticks / TimeSpan.TicksPerMinute, MidpointRounding.AwayFromZero);
    }
}
