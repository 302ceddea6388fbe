using CsCheck;
using UptimeCoordinator.Domain.Incidents;

namespace UptimeCoordinator.Domain.Tests.Incidents;

public sealed class IncidentStatsTests
{
    private static readonly DateTimeOffset January = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset February = January.AddMonths(1);

    /// <summary>Incidents opened over about three months, with every stage and every figure either known or not.</summary>
    private static readonly Gen<IncidentFigures[]> Histories =
        Gen.Select(
                Gen.Int[0, 60 * 24 * 90],
                Gen.Enum<IncidentStage>(),
                Gen.Int[-1, 240],
                Gen.Int[-1, 6000],
                Gen.Int[-1, 120],
                Gen.Int[0, 3],
                Gen.Int[1, 5].Array[0, 4],
                (opened, stage, ack, fix, told, reopens, ratings) => FiguresAfter(
                    $"i-{opened}", January.AddMinutes(opened), stage, Minutes(ack), Minutes(fix), Minutes(told), reopens, ratings))
            .Array[0, 30];

    [Fact]
    public void AWorkedMonthGivesTheMeansAndRates()
    {
        IncidentFigures[] figures =
        [
            // Opened at the very start of the range, which counts.
            Figures("a", January, IncidentStage.Closed, ack: 10, resolve: 60, told: 2, reopens: 0, ratings: [4, 5]),
            Figures("b", January.AddDays(2), IncidentStage.Resolved, ack: 20, resolve: 120, told: 4, reopens: 1, ratings: [2]),
            Figures("c", January.AddDays(3), IncidentStage.Investigating, ack: null, resolve: null, told: 6, reopens: 0, ratings: []),

            // Came back and is open again: it was resolved once, so it counts as reopened, but has no time to resolve.
            Figures("d", January.AddDays(4), IncidentStage.Detected, ack: 30, resolve: null, told: null, reopens: 1, ratings: []),

            // Not incidents of the service, or outside [from, to).
            Figures("e", January.AddDays(5), IncidentStage.Suspected, ack: 1, resolve: null, told: 1, reopens: 0, ratings: [1]),
            Figures("f", January.AddDays(6), IncidentStage.Dismissed, ack: 1, resolve: 1, told: 1, reopens: 0, ratings: [1]),
            Figures("g", February, IncidentStage.Closed, ack: 1, resolve: 1, told: 1, reopens: 1, ratings: [1]),
            Figures("h", January.AddTicks(-1), IncidentStage.Closed, ack: 1, resolve: 1, told: 1, reopens: 1, ratings: [1]),
        ];

        var stats = IncidentStats.Compute(figures, January, February);

        Assert.Equal(January, stats.From);
        Assert.Equal(February, stats.To);
        Assert.Equal(4, stats.Incidents);
        Assert.Equal(3, stats.Acknowledged);
        Assert.Equal(TimeSpan.FromMinutes(20), stats.MeanTimeToAcknowledge);
        Assert.Equal(2, stats.Resolved);
        Assert.Equal(TimeSpan.FromMinutes(90), stats.MeanTimeToResolve);
        Assert.Equal(TimeSpan.FromMinutes(4), stats.MeanTimeToClientNotice);
        Assert.Equal(3, stats.Ratings);
        Assert.Equal(11 / 3.0, stats.MeanRating!.Value, 12);
        Assert.Equal(2, stats.Reopened);
        Assert.Equal(2 / 3.0, stats.ReopenRate!.Value, 12);
        Assert.Equal(1 / 3.0, stats.FixedFirstTimeRate!.Value, 12);
    }

    [Fact]
    public void NoIncidentsGiveNoMeansAndNoRates()
    {
        var stats = IncidentStats.Compute([], January, February);

        Assert.Equal(new IncidentStats(January, February, 0, 0, null, 0, null, null, 0, null, 0, null, null), stats);
    }

    [Fact]
    public void OnlyReportsNobodyConfirmedGiveNoFigures()
    {
        var stats = IncidentStats.Compute(
            [
                Figures("e", January, IncidentStage.Suspected, ack: 1, resolve: null, told: 1, reopens: 0, ratings: [3]),
                Figures("f", January, IncidentStage.Dismissed, ack: 1, resolve: 1, told: 1, reopens: 1, ratings: [3]),
            ],
            January,
            February);

        Assert.Equal(new IncidentStats(January, February, 0, 0, null, 0, null, null, 0, null, 0, null, null), stats);
    }

    [Fact]
    public void IncidentsNeverResolvedHaveNoReopenRate()
    {
        var stats = IncidentStats.Compute(
            [Figures("c", January, IncidentStage.Investigating, ack: 5, resolve: null, told: 1, reopens: 0, ratings: [])],
            January,
            February);

        Assert.Equal(1, stats.Incidents);
        Assert.Null(stats.MeanTimeToResolve);
        Assert.Null(stats.ReopenRate);
        Assert.Null(stats.FixedFirstTimeRate);
        Assert.Null(stats.MeanRating);
    }

    [Fact]
    public void AnIncidentHasATimeToResolveOnlyOnceItIsResolvedOrClosed()
    {
        var open = Figures("d", January, IncidentStage.Monitoring, ack: 5, resolve: 30, told: 1, reopens: 0, ratings: []);

        Assert.Null(open.TimeToResolve);
        Assert.Equal(TimeSpan.FromMinutes(30), (open with { Stage = IncidentStage.Resolved }).TimeToResolve);
        Assert.Equal(TimeSpan.FromMinutes(30), (open with { Stage = IncidentStage.Closed }).TimeToResolve);
        Assert.True(open.Counts);
        Assert.False((open with { Stage = IncidentStage.Suspected }).Counts);
        Assert.False((open with { Stage = IncidentStage.Dismissed }).Counts);
    }

    [Fact]
    public void FiguresAreTakenFromTheIncident()
    {
        var incident = new Incident();
        incident.Declare("db-1", ["db"], "Customer database down", IncidentSeverity.Major, "dana", null, January);
        incident.Acknowledge("erin", January.AddMinutes(10), null, null);
        incident.ResolveByStaff("erin", January.AddMinutes(60), "Restarted", [], null, []);
        incident.FirstClientNoticeAt = January.AddMinutes(1);
        incident.RecordFeedback(new IncidentFeedback("acme", "alice", true, 4, null, January.AddHours(3)));
        incident.RecordFeedback(new IncidentFeedback("acme", "bob", true, null, "Fine", January.AddHours(3)));
        incident.RecordFeedback(new IncidentFeedback("globex", null, true, 2, null, January.AddHours(3)));

        var figures = IncidentFigures.Of(incident);

        Assert.Equal(
            new IncidentFigures("db-1", January, IncidentStage.Resolved, January.AddMinutes(10), January.AddMinutes(60), January.AddMinutes(1), 0, 6, 2),
            figures);
        Assert.Equal(TimeSpan.FromMinutes(10), figures.TimeToAcknowledge);
        Assert.Equal(TimeSpan.FromMinutes(60), figures.TimeToResolve);
        Assert.Equal(TimeSpan.FromMinutes(1), figures.TimeToClientNotice);
    }

    [Fact]
    public void EveryMeanLiesBetweenTheSmallestAndLargestOfWhatItAverages()
    {
        Histories.Sample(figures =>
        {
            var stats = IncidentStats.Compute(figures, January, January.AddDays(100));
            var counted = figures.Where(f => f.Counts).ToList();

            AssertBetween(stats.MeanTimeToAcknowledge, counted.Select(f => f.TimeToAcknowledge));
            AssertBetween(stats.MeanTimeToResolve, counted.Select(f => f.TimeToResolve));
            AssertBetween(stats.MeanTimeToClientNotice, counted.Select(f => f.TimeToClientNotice));
            if (stats.MeanRating is { } rating)
            {
                var perIncident = counted.Where(f => f.RatingCount > 0).Select(f => (double)f.RatingSum / f.RatingCount).ToList();
                Assert.InRange(rating, perIncident.Min() - 1e-9, perIncident.Max() + 1e-9);
            }
            else
            {
                Assert.Equal(0, stats.Ratings);
            }
        });
    }

    [Fact]
    public void TheReopenRateIsAFractionAndFixedFirstTimeIsItsComplement()
    {
        Histories.Sample(figures =>
        {
            var stats = IncidentStats.Compute(figures, January, January.AddDays(100));

            Assert.Equal(stats.ReopenRate is null, stats.FixedFirstTimeRate is null);
            if (stats.ReopenRate is { } rate)
            {
                Assert.InRange(rate, 0, 1);
                Assert.Equal(1 - rate, stats.FixedFirstTimeRate!.Value, 12);
                Assert.InRange(stats.Reopened, 0, stats.Incidents);
            }
        });
    }

    [Fact]
    public void SplittingTheRangeAtAnyInstantSplitsTheCounts()
    {
        Gen.Select(Histories, Gen.Int[0, 60 * 24 * 90]).Sample((figures, minute) =>
        {
            var from = January;
            var to = January.AddDays(90);
            var split = January.AddMinutes(minute);

            var whole = IncidentStats.Compute(figures, from, to);
            var before = IncidentStats.Compute(figures, from, split);
            var after = IncidentStats.Compute(figures, split, to);

            Assert.Equal(whole.Incidents, before.Incidents + after.Incidents);
            Assert.Equal(whole.Acknowledged, before.Acknowledged + after.Acknowledged);
            Assert.Equal(whole.Resolved, before.Resolved + after.Resolved);
            Assert.Equal(whole.Ratings, before.Ratings + after.Ratings);
            Assert.Equal(whole.Reopened, before.Reopened + after.Reopened);
        });
    }

    [Fact]
    public void TheOrderOfTheIncidentsChangesNothing()
    {
        Gen.Select(Histories, Gen.Int).Sample((figures, seed) =>
        {
            var shuffled = figures.OrderBy(f => HashCode.Combine(seed, f.IncidentId, f.Stage)).ToArray();

            Assert.Equal(IncidentStats.Compute(figures, January, February), IncidentStats.Compute(shuffled, January, February));
        });
    }

    private static void AssertBetween(TimeSpan? mean, IEnumerable<TimeSpan?> values)
    {
        var known = values.OfType<TimeSpan>().ToList();
        if (known.Count == 0)
        {
            Assert.Null(mean);
            return;
        }

        Assert.NotNull(mean);
        Assert.InRange(mean.Value, known.Min(), known.Max());
    }

    private static TimeSpan? Minutes(int minutes) => minutes < 0 ? null : TimeSpan.FromMinutes(minutes);

    private static IncidentFigures Figures(string id, DateTimeOffset opened, IncidentStage stage, int? ack, int? resolve, int? told, int reopens, int[] ratings) =>
        FiguresAfter(id, opened, stage, Minutes(ack ?? -1), Minutes(resolve ?? -1), Minutes(told ?? -1), reopens, ratings);

    private static IncidentFigures FiguresAfter(string id, DateTimeOffset opened, IncidentStage stage, TimeSpan? ack, TimeSpan? resolve, TimeSpan? told, int reopens, int[] ratings) =>
        new(id, opened, stage, opened + ack, opened + resolve, opened + told, reopens, ratings.Sum(), ratings.Length);
}
