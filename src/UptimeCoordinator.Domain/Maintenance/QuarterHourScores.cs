using UptimeCoordinator.Domain.Costs;

namespace UptimeCoordinator.Domain.Maintenance;

/// <summary>
/// The score of every quarter hour from a start, and its prefix sums, so any window on the grid
/// is scored in O(1): whole slots from the prefix sums, a last partial slot pro rata (it lies
/// inside one local hour, so its weight is the slot's). Built in O(zones × slots), not per client.
/// The figures only rank: the windows chosen are priced exactly afterwards.
/// </summary>
internal sealed class QuarterHourScores
{
    private readonly decimal[] _slot;
    private readonly decimal[] _before;

    public QuarterHourScores(ExposureIndex index, DateTimeOffset start, int slots)
    {
        var slot = new double[slots];
        var end = start.AddTicks(slots * QuarterHours.Ticks);
        for (var zone = 0; zone < index.Zones.Count; zone++)
        {
            var hourly = index.HourlyScore(zone);
            if (hourly.All(score => score == 0))
            {
                continue;
            }

            var perSlot = Array.ConvertAll(hourly, score => score / 4);
            // The zone's offset is asked per constant-offset span, not per slot: a few look-ups a fortnight.
            foreach (var (from, to, offset) in ConstantOffsetSpans.Between(index.Zones[zone], start, end))
            {
                var first = (int)QuarterHours.CeilingDivide(from.UtcTicks - start.UtcTicks, QuarterHours.Ticks);
                var last = (int)Math.Min(slots, QuarterHours.CeilingDivide(to.UtcTicks - start.UtcTicks, QuarterHours.Ticks));
                var local = start.UtcTicks + offset.Ticks + (first * QuarterHours.Ticks);
                for (var i = first; i < last; i++, local += QuarterHours.Ticks)
                {
                    slot[i] += perSlot[QuarterHours.HourOfWeek(local)];
                }
            }
        }

        // The slots are summed in decimal: its 28 digits keep a prefix difference as precise as the
        // slots it spans, where a double's would lose a cheap window's digits to the fortnight's total.
        _slot = Array.ConvertAll(slot, score => (decimal)score);
        _before = new decimal[slots + 1];
        for (var i = 0; i < slots; i++)
        {
            _before[i + 1] = _before[i] + _slot[i];
        }
    }

    /// <summary>The score of <paramref name="whole"/> slots from <paramref name="first"/> and <paramref name="partOfLast"/> (0..1) of the one after.</summary>
    public decimal Of(int first, int whole, decimal partOfLast)
    {
        var score = _before[first + whole] - _before[first];
        return partOfLast == 0 ? score : score + (partOfLast * _slot[first + whole]);
    }
}
