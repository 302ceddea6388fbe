using UptimeCoordinator.LoadTest.Driving;

namespace UptimeCoordinator.LoadTest.Tests.Units;

/// <summary>Reading wrk 4.x's summary, in the shapes it prints it.</summary>
public sealed class WrkDriverParseTests
{
    private const string WithErrors = """
        Running 10s test @ http://127.0.0.1:5080/api/v1/events
          2 threads and 64 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency     5.21ms    2.10ms  48.33ms   85.12%
            Req/Sec     6.15k   512.33     7.20k    70.50%
          Latency Distribution
             50%  812.00us
             75%    1.43ms
             90%    3.02ms
             99%   12.40ms
          122450 requests in 10.02s, 15.77MB read
          Socket errors: connect 0, read 3, write 0, timeout 2
          Non-2xx or 3xx responses: 12
        Requests/sec:  12220.56
        Transfer/sec:      1.57MB
        """;

    private const string Clean = """
        Running 1m test @ http://127.0.0.1:9093/api/v2/alerts
          2 threads and 64 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency    25.10ms   10.22ms 301.50ms   90.01%
            Req/Sec     1.28k   140.20     1.60k    68.00%
          Latency Distribution
             50%   23.61ms
             75%   28.90ms
             90%   35.12ms
             99%    1.02s
          153600 requests in 1.00m, 20.10MB read
        Requests/sec:   2559.85
        Transfer/sec:    342.90KB
        """;

    private const string WithoutLatencyDistribution = """
        Running 10s test @ http://127.0.0.1:5080/api/v1/events
          2 threads and 64 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency     5.21ms    2.10ms  48.33ms   85.12%
            Req/Sec     6.15k   512.33     7.20k    70.50%
          122450 requests in 10.02s, 15.77MB read
        Requests/sec:  12220.56
        Transfer/sec:      1.57MB
        """;

    [Fact]
    public void RequestsAndDurationComeFromTheSummaryLine()
    {
        var result = WrkDriver.Parse(WithErrors);

        Assert.Equal("wrk", result.Driver);
        Assert.Equal(122_450, result.Requests);
        Assert.Equal(10.02, result.Seconds, 6);
        Assert.Equal(122_450 / 10.02, result.RequestsPerSecond, 6);
    }

    [Fact]
    public void NonSuccessAnswersAndEverySocketErrorCountAsFailed() =>
        Assert.Equal(12 + 3 + 2, WrkDriver.Parse(WithErrors).Failed);

    [Fact]
    public void PercentilesAreReadFromTheDistributionInMilliseconds()
    {
        var result = WrkDriver.Parse(WithErrors);

        // 812.00us, not the 5.21ms average on the Latency line above it.
        Assert.Equal(0.812, result.LatencyP50Ms, 6);
        Assert.Equal(12.40, result.LatencyP99Ms, 6);
    }

    [Fact]
    public void AMinuteLongRunIsSixtySeconds()
    {
        var result = WrkDriver.Parse(Clean);

        Assert.Equal(60, result.Seconds, 6);
        Assert.Equal(153_600 / 60.0, result.RequestsPerSecond, 6);
    }

    [Fact]
    public void APercentileInSecondsIsConvertedToMilliseconds()
    {
        var result = WrkDriver.Parse(Clean);

        Assert.Equal(23.61, result.LatencyP50Ms, 6);
        Assert.Equal(1020, result.LatencyP99Ms, 6);
    }

    [Fact]
    public void WithoutErrorLinesNothingFailed() =>
        Assert.Equal(0, WrkDriver.Parse(Clean).Failed);

    [Fact]
    public void WithoutTheLatencyDistributionThePercentilesAreUnknown()
    {
        var result = WrkDriver.Parse(WithoutLatencyDistribution);

        Assert.Equal(122_450, result.Requests);
        Assert.True(double.IsNaN(result.LatencyP50Ms));
        Assert.True(double.IsNaN(result.LatencyP99Ms));
    }

    [Theory]
    [InlineData("")]
    [InlineData("unable to connect to 127.0.0.1:5080 Connection refused")]
    [InlineData("  many requests in 10.02s, 15.77MB read")]
    public void OutputWithoutARequestCountIsAFormatError(string output) =>
        Assert.Throws<FormatException>(() => WrkDriver.Parse(output));
}
