namespace UptimeCoordinator.Domain.Maintenance;

/// <summary>
/// Finds the cheapest times for maintenance: every quarter-hour start in the range that gives each
/// affected client the notice its SLA asks for and overlaps no freeze, priced on each client's
/// usage curve on its own clock, as <see cref="Costs.CostEngine"/> prices an outage.
/// </summary>
/// <remarks>
/// Pricing ten thousand clients at each of a fortnight's 1 344 starts through the cost engine
/// would take about a minute. Clients are grouped by zone and curve instead, each zone's curves
/// folded into one hour-of-week score, and the range laid out as quarter-hour slots with prefix
/// sums: building costs O(groups × 168 + zones × slots), a candidate O(1). Only the windows
/// returned are then priced exactly, in decimal, for the amounts shown.
/// </remarks>
public static class WindowRecommender
{
    /// <summary>
    /// Up to <see cref="WindowSearch.Count"/> windows for the work, cheapest first and none
    /// overlapping another, with the cost of starting at the next whole hour instead.
    /// </summary>
    /// <param name="clients">Every client the work reaches, priced or not: each one's notice counts.</param>
    public static WindowRecommendation Recommend(WindowSearch search, IReadOnlyList<MaintenanceExposure> clients)
    {
        var notice = clients.Count == 0 ? 0 : clients.Max(c => c.MaintenanceNoticeHours);
        var noticeEnds = search.Now.AddHours(notice);
        var earliest = QuarterHours.RoundUp(search.Earliest > noticeEnds ? search.Earliest : noticeEnds);
        var index = new ExposureIndex(clients, search);

        var nextHour = QuarterHours.RoundUp(search.Now, TimeSpan.TicksPerHour);
        var comparison = WindowPricing.Price(index, 0, nextHour, nextHour + search.Duration, search.ClientLimit);
        if (search.Duration <= TimeSpan.Zero || search.Count <= 0 || search.Latest <= earliest)
        {
            return new(notice, earliest, 0, [], comparison);
        }

        var (picked, considered) = Cheapest(search, index, earliest);
        var suggestions = picked
            .Select((start, i) => WindowPricing.Price(index, i + 1, start, start + search.Duration, search.ClientLimit))
            .ToArray();
        return new(notice, earliest, considered, suggestions, comparison);
    }

    // Greedy, cheapest first: take the best start, drop every start overlapping it, repeat. Ties
    // go to the earlier start, so the same request always gets the same answer.
    private static (List<DateTimeOffset> Picked, int Considered) Cheapest(WindowSearch search, ExposureIndex index, DateTimeOffset earliest)
    {
        var duration = search.Duration.Ticks;
        var range = search.Latest.UtcTicks - earliest.UtcTicks;
        if (range < duration)
        {
            return ([], 0);
        }

        var starts = checked((int)(((range - duration) / QuarterHours.Ticks) + 1));
        var open = OpenStarts(search.Freezes, earliest, starts, duration);
        var whole = (int)(duration / QuarterHours.Ticks);
        var partOfLast = (decimal)(duration % QuarterHours.Ticks) / QuarterHours.Ticks;
        var scores = new QuarterHourScores(index, earliest, checked((int)QuarterHours.CeilingDivide(range, QuarterHours.Ticks)));

        var ranked = new List<(decimal Score, int Start)>(starts);
        for (var start = 0; start < starts; start++)
        {
            if (open[start])
            {
                ranked.Add((scores.Of(start, whole, partOfLast), start));
            }
        }

        ranked.Sort();
        var picked = new List<int>(search.Count);
        foreach (var (_, start) in ranked)
        {
            if (picked.Count == search.Count)
            {
                break;
            }

            if (picked.TrueForAll(other => Math.Abs(other - start) * QuarterHours.Ticks >= duration))
            {
                picked.Add(start);
            }
        }

        return ([.. picked.Select(start => earliest.AddTicks(start * QuarterHours.Ticks))], ranked.Count);
    }

    // Start k (at earliest + k quarters) overlaps [f, g) when start < g and start + duration > f,
    // so each freeze closes one run of consecutive starts.
    private static bool[] OpenStarts(IReadOnlyList<FreezeSpan> freezes, DateTimeOffset earliest, int starts, long duration)
    {
        var open = new bool[starts];
        Array.Fill(open, true);
        foreach (var freeze in freezes)
        {
            if (freeze.End <= freeze.Start)
            {
                continue;
            }

            var first = QuarterHours.FloorDivide(freeze.Start.UtcTicks - earliest.UtcTicks - duration, QuarterHours.Ticks) + 1;
            var last = QuarterHours.CeilingDivide(freeze.End.UtcTicks - earliest.UtcTicks, QuarterHours.Ticks) - 1;
            for (var start = Math.Max(0, first); start <= Math.Min(starts - 1, last); start++)
            {
                open[start] = false;
            }
        }

        return open;
    }
}
