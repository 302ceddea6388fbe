using UptimeCoordinator.LoadTest.Reporting;

namespace UptimeCoordinator.LoadTest.Tests.Units;

/// <summary>Nearest-rank percentiles: the smallest sample with at least that share of samples at or below it.</summary>
public sealed class StatsPercentileTests
{
    private static readonly List<double> OneToHundred = [.. Enumerable.Range(1, 100).Select(i => (double)i)];

    [Theory]
    [InlineData(50, 50)]
    [InlineData(99, 99)]
    [InlineData(100, 100)]
    [InlineData(99.5, 100)] // rank 99.5 rounds up, never down
    [InlineData(0.5, 1)]
    public void APercentileOfOneToHundredIsTheSampleAtItsRank(double percent, double expected) =>
        Assert.Equal(expected, Stats.Percentile(OneToHundred, percent));

    [Fact]
    public void APercentileOfTenSamplesRoundsTheRankUp() =>
        Assert.Equal(10, Stats.Percentile([.. Enumerable.Range(1, 10).Select(i => (double)i)], 91));

    [Theory]
    [InlineData(0)]
    [InlineData(50)]
    [InlineData(99)]
    [InlineData(100)]
    public void EveryPercentileOfASingleSampleIsThatSample(double percent) =>
        Assert.Equal(42.5, Stats.Percentile([42.5], percent));

    [Fact]
    public void APercentileOfNoSamplesIsNotANumber() =>
        Assert.True(double.IsNaN(Stats.Percentile([], 99)));
}
