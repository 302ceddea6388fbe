using UptimeCoordinator.Deployment.Tests.Compose;
using UptimeCoordinator.Host.Tests.Http;
using UptimeCoordinator.Host.Tests.Infrastructure;
using UptimeCoordinator.Host.Tests.Notices;

namespace UptimeCoordinator.Host.Tests.Observability;

/// <summary>
/// Every metric the Grafana dashboards in <c>dashboards/</c> query is one the running host exposes
/// at <c>/metrics</c>, once it has done what produces it: a renamed metric breaks the build, not
/// the dashboard.
/// </summary>
public sealed class DashboardMetricsTests
{
    // Series Prometheus writes itself for every target it scrapes; no /metrics carries them.
    private static readonly HashSet<string> PrometheusOwnSeries = new(StringComparer.Ordinal)
    {
        "up", "scrape_duration_seconds", "scrape_samples_scraped", "scrape_samples_post_metric_relabeling", "scrape_series_added",
    };

    [Fact]
    public async Task EveryMetricTheDashboardsQueryIsOnTheHostsMetricsEndpoint()
    {
        await using var rig = await NoticeRig.StartAsync();
        var service = TestIds.Unique("dash");
        await rig.Api.CreateServiceAsync(service);
        var clientId = TestIds.Unique("dash-client");
        using (var created = await rig.Api.Ops.PutAsync($"/api/v1/clients/{clientId}", Json.Content(new
        {
            name = "Dashboard client",
            timeZone = "UTC",
            subscriptions = new[] { new { serviceId = service } },
            contacts = new[] { rig.WebhookContact("hook", "/dash") },
            costProfile = new { currency = "EUR", costPerHour = 1000 },
        })))
        {
            Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        }

        // An outage that is told and ends: ingest, an incident, a delivered notice and a closed span of downtime cost.
        await rig.Api.RecordAsync(new EventBody(service, "down", TestTime.Now, "dashboard-test", "http"));
        await Eventually.HoldsAsync(() => rig.Receiver.Requests.Any(r => r.PathAndQuery == "/dash"), "the outage webhook");
        await rig.Api.RecordAsync(new EventBody(service, "up", TestTime.Now.AddSeconds(1), "dashboard-test", "http"));
        await Eventually.HoldsAsync(() => rig.Receiver.Requests.Count(r => r.PathAndQuery == "/dash") >= 2, "the resolution webhook");

        var expected = DashboardFile.All()
            .SelectMany(d => d.Targets.SelectMany(t => DashboardQueries.MetricNames((string?)t.Target["expr"] ?? "")))
            .Where(name => !PrometheusOwnSeries.Contains(name))
            .ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(expected);

        // The gauges are read from the cluster every few seconds; the counters are there at once.
        HashSet<string> exposed = [];
        await Eventually.HoldsAsync(
            async () =>
            {
                exposed = await ExposedAsync(rig);
                return expected.All(exposed.Contains);
            },
            "every dashboard metric on /metrics",
            30);

        Assert.Empty(expected.Except(exposed));
    }

    private static async Task<HashSet<string>> ExposedAsync(NoticeRig rig)
    {
        var scrape = await rig.Api.Anonymous.GetStringAsync("/metrics");
        return scrape.Split('\n')
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line[..line.IndexOfAny(['{', ' '])])
            .ToHashSet(StringComparer.Ordinal);
    }
}
