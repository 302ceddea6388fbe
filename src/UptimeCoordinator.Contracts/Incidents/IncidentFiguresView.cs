using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Domain.Time;

namespace UptimeCoordinator.Contracts.Incidents;

/// <summary>One incident's response figures; durations are ISO 8601, null until they apply.</summary>
[GenerateSerializer, Alias("uc.IncidentFiguresView")]
public sealed record IncidentFiguresView(
    [property: Id(0)] string? TimeToAcknowledge,
    [property: Id(1)] string? TimeToResolve,
    [property: Id(2)] string? TimeToClientNotice,
    [property: Id(3)] double? MeanRating,
    [property: Id(4)] int Ratings)
{
    public static IncidentFiguresView From(IncidentFigures f) => new(
        Format(f.TimeToAcknowledge), Format(f.TimeToResolve), Format(f.TimeToClientNotice),
        f.RatingCount == 0 ? null : Math.Round((double)f.RatingSum / f.RatingCount, 2), f.RatingCount);

    public static string? Format(TimeSpan? span) =>
        span is { } s ? IsoDuration.Format(TimeSpan.FromSeconds(Math.Floor(Math.Max(0, s.TotalSeconds)))) : null;
}
