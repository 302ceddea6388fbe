namespace UptimeCoordinator.Deployment.Tests.Compose;

public sealed class DashboardQueriesTests
{
    private static string Names(string expr) => string.Join(",", DashboardQueries.MetricNames(expr));

    [Theory]
    [InlineData("uptime_incidents_open", "uptime_incidents_open")]
    [InlineData("sum(rate(uptime_events_ingested_total[5m])) by (status)", "uptime_events_ingested_total")]
    [InlineData("sum by (status) (rate(uptime_events_ingested_total[5m]))", "uptime_events_ingested_total")]
    [InlineData("sum without (instance, job) (uptime_services_by_status)", "uptime_services_by_status")]
    [InlineData("count(up == 1)", "up")]
    [InlineData("topk(3, sum(rate(a_total[5m])) by (grain_type))", "a_total")]
    public void FunctionsAggregationsAndTheirGroupingsAreNotMetrics(string expr, string expected) =>
        Assert.Equal(expected, Names(expr));

    [Fact]
    public void AHistogramQuantileReadsOnlyTheBucketSeries() =>
        Assert.Equal(
            "uptime_notice_delivery_seconds_bucket",
            Names("histogram_quantile(0.99, sum(rate(uptime_notice_delivery_seconds_bucket[5m])) by (le))"));

    [Theory]
    [InlineData("uptime_notices_total{outcome=\"failed\", channel=~\"email|webhook\"}", "uptime_notices_total")]
    [InlineData("a_bucket{le=\"+Inf\"}", "a_bucket")]
    [InlineData("a{path=\"/x{y}\", q='}'}", "a")]
    [InlineData("a{grain_type!~\"sys[.].*\"}", "a")]
    public void LabelMatchersAndTheirValuesAreNotMetrics(string expr, string expected) =>
        Assert.Equal(expected, Names(expr));

    [Theory]
    [InlineData("a / on (instance) group_left (version) b", "a,b")]
    [InlineData("a * ignoring(job) group_right b", "a,b")]
    [InlineData("a and b or c unless d", "a,b,c,d")]
    [InlineData("atan2(a, b) > bool 0", "a,b")]
    public void BothSidesOfABinaryOperationAreRead(string expr, string expected) =>
        Assert.Equal(expected, Names(expr));

    [Theory]
    [InlineData("rate(x_total[5m] offset 1h) * 3600 > 0.5e1", "x_total")]
    [InlineData("rate(x_total[1h30m:1m]) + 0x1F - .5", "x_total")]
    [InlineData("x @ start()", "x")]
    [InlineData("x > Inf or y < NaN", "x,y")]
    public void NumbersDurationsAndModifiersAreNotMetrics(string expr, string expected) =>
        Assert.Equal(expected, Names(expr));

    [Theory]
    [InlineData("rate(x_total{instance=~\"$instance\"}[$__rate_interval]) / $scale", "x_total")]
    [InlineData("sum(rate(x_total[${__interval}])) by ($group) * ${factor}", "x_total")]
    public void GrafanaVariablesAreNotMetrics(string expr, string expected) =>
        Assert.Equal(expected, Names(expr));

    [Theory]
    [InlineData("label_replace(up, \"dst\", \"$1\", \"instance\", \"(.*):.*\")", "up")]
    [InlineData("count_values(\"version\", build_info)", "build_info")]
    public void StringArgumentsAreNotMetrics(string expr, string expected) =>
        Assert.Equal(expected, Names(expr));

    [Fact]
    public void KeywordsAreCaseInsensitive() =>
        Assert.Equal("x", Names("SUM BY (status) (RATE(x[5m])) AND ON (status) x"));

    [Fact]
    public void AFunctionNameBeforeASpaceIsStillAFunction() =>
        Assert.Equal("x", Names("rate (x[5m])"));

    [Fact]
    public void RecordingRuleNamesKeepTheirColons() =>
        Assert.Equal("job:uptime_events:rate5m", Names("sum(job:uptime_events:rate5m)"));

    [Fact]
    public void EachNameIsReportedOnceInOrderOfAppearance() =>
        Assert.Equal("b,a", Names("b + a / b - a"));

    [Fact]
    public void CommentsAreNotRead() =>
        Assert.Equal("x", Names("x # per silo, not y\n"));

    [Fact]
    public void AnExpressionWithoutSelectorsReadsNothing() =>
        Assert.Empty(DashboardQueries.MetricNames("vector(1) + time()"));
}
