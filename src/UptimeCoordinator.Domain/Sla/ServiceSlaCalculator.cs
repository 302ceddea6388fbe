namespace UptimeCoordinator.Domain.Sla;

/// <summary>
/// One service's measured range swept once, boundary by boundary: between two boundaries nothing
/// changes, so each stretch adds its length times the worst active weight, exactly and without
/// walking minutes.
/// </summary>
internal static class ServiceSlaCalculator
{
    public static ServiceSla Measure(
        string serviceId,
        SlaTerms terms,
        DateTimeOffset from,
        DateTimeOffset until,
        IEnumerable<StatusSpan> spans,
        IReadOnlyList<MaintenanceSpan> maintenance)
    {
        var start = from.UtcTicks;
        var end = until.UtcTicks;
        // An edge without a weight is one of a qualifying maintenance window.
        var edges = new List<(long At, double? Weight, int Delta)>();
        var excludedIds = new List<string>();
        var countedIds = new List<string>();

        foreach (var window in maintenance)
        {
            if (window.End <= window.Start || !window.ServiceIds.Contains(serviceId, StringComparer.Ordinal)
                || window.Start.UtcTicks >= end || window.WorkedUntil.UtcTicks <= start)
            {
                continue;
            }

            if (window.QualifiesForExclusion(terms.MaintenanceNoticeHours))
            {
                excludedIds.Add(window.Id);
                AddEdges(edges, window.Start.UtcTicks, window.End.UtcTicks, null, start, end);
            }
            else
            {
                countedIds.Add(window.Id);
            }
        }

        foreach (var span in spans)
        {
            var weight = terms.WeightOf(span.Status);
            if (weight > 0)
            {
                AddEdges(edges, span.From.UtcTicks, span.To?.UtcTicks ?? end, weight, start, end);
            }
        }

        edges.Sort((a, b) => a.At.CompareTo(b.At));
        var (excludedTicks, downTicks) = Sweep(edges, start);

        var eligible = ToMinutes(end - start - excludedTicks);
        var down = Math.Min(downTicks / TimeSpan.TicksPerMinute, eligible);
        return new ServiceSla(serviceId, eligible, down, ToMinutes(excludedTicks), SlaCalculator.UptimePercent(eligible, down), excludedIds, countedIds);
    }

    private static void AddEdges(List<(long, double?, int)> edges, long from, long to, double? weight, long start, long end)
    {
        from = Math.Max(from, start);
        to = Math.Min(to, end);
        if (from < to)
        {
            edges.Add((from, weight, +1));
            edges.Add((to, weight, -1));
        }
    }

    private static (long ExcludedTicks, double DownTicks) Sweep(List<(long At, double? Weight, int Delta)> edges, long start)
    {
        // Active spans counted by weight: only the worst one matters, and overlaps must count once.
        var active = new Dictionary<double, int>();
        var excusals = 0;
        var previous = start;
        long excludedTicks = 0;
        double downTicks = 0;
        foreach (var (at, weight, delta) in edges)
        {
            var length = at - previous;
            if (excusals > 0)
            {
                excludedTicks += length;
            }
            else if (active.Count > 0)
            {
                downTicks += active.Keys.Max() * length;
            }

            previous = at;
            if (weight is not { } w)
            {
                excusals += delta;
                continue;
            }

            var count = active.GetValueOrDefault(w) + delta;
            if (count == 0)
            {
                active.Remove(w);
            }
            else
            {
                active[w] = count;
            }
        }

        return (excludedTicks, downTicks);
    }

    private static double ToMinutes(long ticks) => (double)ticks / TimeSpan.TicksPerMinute;
}
