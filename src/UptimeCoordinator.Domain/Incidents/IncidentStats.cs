namespace UptimeCoordinator.Domain.Incidents;

/// <summary>
/// Response figures over the incidents opened in <c>[From, To)</c>: mean time to acknowledge and
/// to resolve, mean time until a client was first told, the mean client rating, and how often a
/// resolved incident came back (its complement: fixed right the first time).
/// </summary>
public sealed record IncidentStats(
    DateTimeOffset From,
    DateTimeOffset To,
    int Incidents,
    int Acknowledged,
    TimeSpan? MeanTimeToAcknowledge,
    int Resolved,
    TimeSpan? MeanTimeToResolve,
    TimeSpan? MeanTimeToClientNotice,
    int Ratings,
    double? MeanRating,
    int Reopened,
    double? ReopenRate,
    double? FixedFirstTimeRate)
{
    public static IncidentStats Compute(IEnumerable<IncidentFigures> figures, DateTimeOffset from, DateTimeOffset to)
    {
        var counted = figures.Where(f => f.Counts && f.OpenedAt >= from && f.OpenedAt < to).ToList();
        var acks = counted.Select(f => f.TimeToAcknowledge).OfType<TimeSpan>().ToList();
        var fixes = counted.Select(f => f.TimeToResolve).OfType<TimeSpan>().ToList();
        var told = counted.Select(f => f.TimeToClientNotice).OfType<TimeSpan>().ToList();
        var ratings = counted.Sum(f => f.RatingCount);

        // Every incident that was resolved at least once can have come back: those still open after a reopen count too.
        var everResolved = counted.Where(f => f.TimeToResolve is not null || f.ReopenCount > 0).ToList();
        var reopened = everResolved.Count(f => f.ReopenCount > 0);
        double? reopenRate = everResolved.Count == 0 ? null : (double)reopened / everResolved.Count;
        return new(
            from,
            to,
            counted.Count,
            acks.Count,
            Mean(acks),
            fixes.Count,
            Mean(fixes),
            Mean(told),
            ratings,
            ratings == 0 ? null : (double)counted.Sum(f => f.RatingSum) / ratings,
            reopened,
            reopenRate,
            reopenRate is { } rate ? 1 - rate : null);
    }

    private static TimeSpan? Mean(List<TimeSpan> spans) =>
        spans.Count == 0 ? null : TimeSpan.FromTicks((long)spans.Average(s => (double)s.Ticks));
}
