namespace UptimeCoordinator.Deployment.Tests.Compose;

/// <summary><c>deploy/prometheus/prometheus.yml</c>: valid for Prometheus, and scraping exactly the compose file's silos.</summary>
public sealed class PrometheusConfigTests
{
    public const string RelativePath = "deploy/prometheus/prometheus.yml";

    // The port the image serves HTTP and /metrics on (the Dockerfile's ASPNETCORE_URLS).
    private const int HttpPort = 8080;

    private static readonly ComposeFile Compose = ComposeFile.Load();

    [Fact]
    public void PrometheusScrapesExactlyTheSilosOnTheirHttpPort()
    {
        var job = YamlTree.Map(Assert.Single(YamlTree.List(YamlTree.Load(RepositoryFiles.Read(RelativePath)).Get("scrape_configs"))));
        var targets = YamlTree.List(job.Get("static_configs"))
            .SelectMany(config => YamlTree.List(YamlTree.Map(config).Get("targets")))
            .Select(target => YamlTree.Text(target) ?? "")
            .Order(StringComparer.Ordinal);

        Assert.Equal(Compose.Silos.Select(s => $"{s.Name}:{HttpPort}").Order(StringComparer.Ordinal), targets);
        Assert.Equal("/metrics", YamlTree.Text(job.Get("metrics_path")));
        Assert.All(Compose.Silos, silo => Assert.EndsWith($":{HttpPort}", Assert.Single(silo.Ports), StringComparison.Ordinal));
    }

    [Fact]
    public void ComposeMountsThisConfigWherePrometheusReadsIt()
    {
        Assert.Contains($"./{RelativePath}:/etc/prometheus/prometheus.yml:ro", Compose.Service("prometheus").Volumes);
    }

    [SkippableFact]
    public async Task PromtoolAcceptsTheConfig()
    {
        var promtool = ExternalTool.RequireOnPath("promtool", "prometheus");

        // Run from the repository root with a relative path: promtool resolves files the config names from its folder.
        var run = await ExternalTool.RunAsync(promtool, ["check", "config", RelativePath]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("SUCCESS", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }
}
