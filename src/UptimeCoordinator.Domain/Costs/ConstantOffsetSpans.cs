namespace UptimeCoordinator.Domain.Costs;

/// <summary>
/// Cuts an interval at the instants its zone's UTC offset changes (DST, or a zone redefining its
/// standard time), so that within each piece the local clock runs in step with real time.
/// </summary>
internal static class ConstantOffsetSpans
{
    // Offsets change at most a few times a year, so probing once a day and bisecting when two probes
    // disagree costs a few hundred look-ups for a year-long interval, not one per minute. A change
    // undone within the same day would be missed; no zone in the tz database has one.
    private static readonly TimeSpan Probe = TimeSpan.FromDays(1);

    public static IEnumerable<(DateTimeOffset Start, DateTimeOffset End, TimeSpan Offset)> Between(
        TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to)
    {
        var start = from;
        while (start < to)
        {
            var offset = zone.GetUtcOffset(start);
            var end = NextChange(zone, start, offset, to);
            yield return (start, end, offset);
            start = end;
        }
    }

    private static DateTimeOffset NextChange(TimeZoneInfo zone, DateTimeOffset start, TimeSpan offset, DateTimeOffset to)
    {
        for (var probe = start; probe < to;)
        {
            var next = to - probe > Probe ? probe + Probe : to;
            if (zone.GetUtcOffset(next) != offset)
            {
                return EndOfOffset(zone, offset, probe, next);
            }

            probe = next;
        }

        return to;
    }

    // The zone shows offset at lo but not at hi: the first tick in (lo, hi] where it stops.
    private static DateTimeOffset EndOfOffset(TimeZoneInfo zone, TimeSpan offset, DateTimeOffset lo, DateTimeOffset hi)
    {
        var (low, high) = (lo.UtcTicks, hi.UtcTicks);
        while (high - low > 1)
        {
            var middle = low + (high - low) / 2;
            if (zone.GetUtcOffset(new DateTimeOffset(middle, TimeSpan.Zero)) == offset)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return new DateTimeOffset(high, TimeSpan.Zero);
    }
}
