using System.Globalization;
using UptimeCoordinator.LoadTest.Driving;
using UptimeCoordinator.LoadTest.Reporting;

namespace UptimeCoordinator.LoadTest.Tests.Units;

/// <summary>The targets against hand-made figures: met, missed, or not checked when not measured.</summary>
public sealed class TargetChecksTests
{
    [Theory]
    [InlineData(2_000, 1_000, true)]
    [InlineData(1_000, 1_000, true)]
    [InlineData(999, 1_000, false)]
    public void IngestIsMetAtAlertmanagersRateOrAbove(double ours, double theirs, bool met)
    {
        var embedded = Mode("embedded", ingest: [Ingest(1, ours)]);
        var alertmanager = new AlertmanagerReport(Delivery(1, p99: 10), [Ingest(1, theirs)]);

        var checks = TargetChecks.Evaluate([embedded], alertmanager, []);

        Assert.Equal(met, Only(checks, "ingest, single events: at least Alertmanager's").Met);
    }

    [Fact]
    public void IngestIsComparedBatchSizeWithBatchSize()
    {
        // Ours wins on single events and loses on batches: each shape has its own verdict.
        var embedded = Mode("embedded", ingest: [Ingest(1, 5_000), Ingest(50, 40_000)]);
        var alertmanager = new AlertmanagerReport(Delivery(1, p99: 10), [Ingest(1, 1_000), Ingest(50, 50_000)]);

        var checks = TargetChecks.Evaluate([embedded], alertmanager, []);

        Assert.True(Only(checks, "ingest, single events:").Met);
        Assert.False(Only(checks, "ingest, batches of 50:").Met);
    }

    [Theory]
    [InlineData(8, 10, true)]
    [InlineData(10, 10, true)]
    [InlineData(10.5, 10, false)]
    public void OneContactLatencyIsMetAtAlertmanagersP99OrBelow(double ours, double theirs, bool met)
    {
        var embedded = Mode("embedded", deliveries: [Delivery(1, p99: ours)]);
        var alertmanager = new AlertmanagerReport(Delivery(1, p99: theirs), []);

        var checks = TargetChecks.Evaluate([embedded], alertmanager, []);

        Assert.Equal(met, Only(checks, "latency, 1 contact:").Met);
    }

    [Theory]
    [InlineData(249.9, true)]
    [InlineData(250, false)]
    public void AThousandContactsMustHaveAP99UnderAQuarterSecond(double p99, bool met)
    {
        var checks = TargetChecks.Evaluate([Mode("embedded", deliveries: [Delivery(1_000, p99)])], null, []);

        Assert.Equal(met, Only(checks, "embedded: latency, 1,000 contacts").Met);
    }

    [Fact]
    public void EachModeHasItsOwnThousandContactCheck()
    {
        var checks = TargetChecks.Evaluate(
            [Mode("embedded", deliveries: [Delivery(1_000, p99: 100)]), Mode("redis", deliveries: [Delivery(1_000, p99: 400)])], null, []);

        Assert.True(Only(checks, "embedded: latency, 1,000 contacts").Met);
        Assert.False(Only(checks, "redis: latency, 1,000 contacts").Met);
    }

    [Theory]
    [InlineData(19_999, true)]
    [InlineData(20_000, false)]
    public void AHundredThousandContactsMustAllBeNotifiedWithinTwentySeconds(double completionMaxMs, bool met)
    {
        // The slowest round's last contact decides, not the per-contact p99.
        var huge = Delivery(100_000, p99: 1_000, completionMaxMs: completionMaxMs);

        var checks = TargetChecks.Evaluate([Mode("embedded", deliveries: [huge])], null, []);

        Assert.Equal(met, Only(checks, "embedded: fan-out, 100,000 contacts").Met);
    }

    [Theory]
    [InlineData(10_000, true)] // 3× slower
    [InlineData(9_000, false)] // 3.33× slower
    public void RedisIngestMayBeAtMostThreeTimesSlowerThanEmbedded(double redisEventsPerSecond, bool met)
    {
        var embedded = Mode("embedded", ingest: [Ingest(50, 30_000)]);
        var redis = Mode("redis", ingest: [Ingest(50, redisEventsPerSecond)]);

        var checks = TargetChecks.Evaluate([embedded, redis], null, []);

        Assert.Equal(met, Only(checks, "redis within 3× of embedded: ingest, batches of 50").Met);
    }

    [Theory]
    [InlineData(300, true)]
    [InlineData(301, false)]
    public void RedisDeliveryP99MayBeAtMostThreeTimesEmbeddedAtTheSameContacts(double redisP99, bool met)
    {
        var embedded = Mode("embedded", deliveries: [Delivery(1, p99: 5), Delivery(1_000, p99: 100)]);
        var redis = Mode("redis", deliveries: [Delivery(1_000, p99: redisP99)]);

        var checks = TargetChecks.Evaluate([embedded, redis], null, []);

        Assert.Equal(met, Only(checks, "redis within 3× of embedded: 1,000 contacts, p99").Met);
    }

    [Theory]
    [InlineData(4_095, true)]
    [InlineData(4_096, false)]
    public void AnIdleGrainMustTakeUnderFourKibibytesBeyondItsData(double bytesPerEmptyActivation, bool met)
    {
        // The grain's data is the user's, not overhead: only the empty activation counts.
        var memory = new MemoryFigure("ServiceGrain", 10_000, bytesPerEmptyActivation, BytesPerActivationWithData: 20_000, BytesLeftAfterDeactivation: 0);

        var checks = TargetChecks.Evaluate([], null, [memory]);

        Assert.Equal(met, Only(checks, "memory: under 4 KiB per idle ServiceGrain grain").Met);
    }

    [Fact]
    public void NothingMeasuredIsNothingChecked() =>
        Assert.Empty(TargetChecks.Evaluate([], null, []));

    [Fact]
    public void WithoutAlertmanagerThereIsNoComparisonWithIt()
    {
        var embedded = Mode("embedded", deliveries: [Delivery(1, p99: 5)], ingest: [Ingest(1, 1_000)]);

        Assert.Empty(TargetChecks.Evaluate([embedded], null, []));
    }

    [Fact]
    public void AShapeAlertmanagerWasNotDrivenWithIsNotCompared()
    {
        var embedded = Mode("embedded", ingest: [Ingest(1, 1_000), Ingest(50, 40_000)]);
        var alertmanager = new AlertmanagerReport(Delivery(1, p99: 10), [Ingest(1, 900)]);

        var checks = TargetChecks.Evaluate([embedded], alertmanager, []);

        Assert.Single(checks, c => c.Target.StartsWith("ingest,", StringComparison.Ordinal));
    }

    [Fact]
    public void RedisAloneHasNoEmbeddedToBeComparedWith()
    {
        var redis = Mode("redis", deliveries: [Delivery(1, p99: 5)], ingest: [Ingest(50, 10_000)]);

        Assert.Empty(TargetChecks.Evaluate([redis], null, []));
    }

    [Fact]
    public void FanOutsThatWereNotRunAreNotChecked()
    {
        var embedded = Mode("embedded", deliveries: [Delivery(100, p99: 5_000, completionMaxMs: 60_000)]);

        Assert.Empty(TargetChecks.Evaluate([embedded], null, []));
    }

    private static TargetCheck Only(List<TargetCheck> checks, string target) =>
        Assert.Single(checks, c => c.Target.Contains(target, StringComparison.Ordinal));

    private static ModeReport Mode(string mode, List<DeliveryFigure>? deliveries = null, List<IngestFigure>? ingest = null) =>
        new(mode, SetupSeconds: 1, deliveries ?? [], ingest ?? []);

    private static DeliveryFigure Delivery(int contacts, double p99, double? completionMaxMs = null) =>
        new(contacts == 1 ? "1 contact" : string.Create(CultureInfo.InvariantCulture, $"{contacts:N0} contacts"), contacts, Rounds: 1, P50Ms: p99 / 2, p99, MaxMs: p99, CompletionMedianMs: p99, completionMaxMs ?? p99, Repeats: 0, SetupSeconds: 0);

    private static IngestFigure Ingest(int batchSize, double eventsPerSecond) =>
        new("target", batchSize, new DriveResult("wrk", 10, 1_000, 0, 100, 1, 2), eventsPerSecond, CpuSeconds: 1, CpuSecondsPer1000Events: 0.1, TransitionShare: 0.02);
}
