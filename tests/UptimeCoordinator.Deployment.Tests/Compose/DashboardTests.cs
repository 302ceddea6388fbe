using System.Text.Json.Nodes;

namespace UptimeCoordinator.Deployment.Tests.Compose;

/// <summary>
/// The Grafana dashboards parse and query the provisioned Prometheus. That they read only metrics the
/// host exports is checked against a live scrape in UptimeCoordinator.Host.Tests (Observability/DashboardMetricsTests).
/// </summary>
public sealed class DashboardTests
{
    private static readonly IReadOnlyList<DashboardFile> Dashboards = DashboardFile.All();

    [Fact]
    public void BothDashboardsExistWithTheirOwnUids()
    {
        Assert.Equal(["dashboards/cluster.json", "dashboards/coordinator.json"], Dashboards.Select(d => d.RelativePath));
        Assert.Equal(Dashboards.Count, Dashboards.Select(d => (string?)d.Root["uid"]).Distinct().Count());
        Assert.All(Dashboards, dashboard =>
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)dashboard.Root["uid"]), $"{dashboard.RelativePath} has no uid.");
            Assert.False(string.IsNullOrWhiteSpace((string?)dashboard.Root["title"]), $"{dashboard.RelativePath} has no title.");
            Assert.InRange((int?)dashboard.Root["schemaVersion"] ?? 0, 36, 41);
            Assert.NotEmpty(dashboard.Panels);
            Assert.Equal(dashboard.Panels.Count, dashboard.Panels.Select(p => (int?)p["id"]).Distinct().Count());
        });
    }

    [Fact]
    public void EveryPanelHasQueriesAndEveryQueryReadsAMetric()
    {
        Assert.All(Dashboards.SelectMany(d => d.Panels.Select(p => (d.RelativePath, Panel: p))), entry =>
            Assert.True(entry.Panel["targets"] is JsonArray { Count: > 0 }, $"{entry.RelativePath}: panel '{entry.Panel["title"]}' has no targets."));
        Assert.All(Dashboards.SelectMany(d => d.Targets.Select(t => (d.RelativePath, t.Panel, t.Target))), entry =>
        {
            var expr = (string?)entry.Target["expr"];
            Assert.False(string.IsNullOrWhiteSpace(expr), $"{entry.RelativePath}: a target of '{entry.Panel}' has no expr.");
            Assert.NotEmpty(DashboardQueries.MetricNames(expr!));
        });
    }

    [Fact]
    public void EveryPanelQueriesTheProvisionedPrometheus()
    {
        var provisioned = YamlTree.Map(Assert.Single(YamlTree.List(
            YamlTree.Load(RepositoryFiles.Read("dashboards/provisioning/datasources/prometheus.yml")).Get("datasources"))));
        Assert.Equal("prometheus", YamlTree.Text(provisioned.Get("type")));
        Assert.Equal("http://prometheus:9090", YamlTree.Text(provisioned.Get("url")));
        var uid = YamlTree.Text(provisioned.Get("uid"));

        var datasources = Dashboards.SelectMany(d => d.Panels.Select(p => p["datasource"]).Concat(d.Targets.Select(t => t.Target["datasource"])));
        Assert.All(datasources, datasource =>
        {
            Assert.Equal("prometheus", (string?)datasource?["type"]);
            Assert.Equal(uid, (string?)datasource?["uid"]);
        });
    }
}
