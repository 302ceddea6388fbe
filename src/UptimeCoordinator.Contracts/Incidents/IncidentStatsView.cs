using UptimeCoordinator.Domain.Incidents;

namespace UptimeCoordinator.Contracts.Incidents;

/// <summary>
/// Response figures over incidents opened in <c>[from, to)</c>: MTTA and MTTR (ISO 8601), the mean
/// time until a client was first told, the mean client rating and the reopen rate.
/// </summary>
[GenerateSerializer, Alias("uc.IncidentStatsView")]
public sealed record IncidentStatsView(
    [property: Id(0)] DateTimeOffset From,
    [property: Id(1)] DateTimeOffset To,
    [property: Id(2)] int Incidents,
    [property: Id(3)] int Acknowledged,
    [property: Id(4)] string? Mtta,
    [property: Id(5)] int Resolved,
    [property: Id(6)] string? Mttr,
    [property: Id(7)] string? MeanTimeToClientNotice,
    [property: Id(8)] int Ratings,
    [property: Id(9)] double? MeanRating,
    [property: Id(10)] int Reopened,
    [property: Id(11)] double? ReopenRate,
    [property: Id(12)] double? FixedFirstTimeRate)
{
    public static IncidentStatsView Of(IncidentStats s) => new(
        s.From, s.To, s.Incidents, s.Acknowledged, IncidentFiguresView.Format(s.MeanTimeToAcknowledge), s.Resolved,
        IncidentFiguresView.Format(s.MeanTimeToResolve), IncidentFiguresView.Format(s.MeanTimeToClientNotice), s.Ratings,
        Round(s.MeanRating), s.Reopened, Round(s.ReopenRate), Round(s.FixedFirstTimeRate));

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;
}
