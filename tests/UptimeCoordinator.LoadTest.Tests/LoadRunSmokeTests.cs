using System.Text.Json;
using UptimeCoordinator.Host.Tests.Infrastructure;

namespace UptimeCoordinator.LoadTest.Tests;

/// <summary>
/// The whole benchmark in miniature (<c>--quick</c>): the real host embedded and on its own Redis,
/// Debian's Alertmanager beside it, real webhooks to the tool's receiver, and the report written. It
/// proves the tool works on every CI run, so the figures in docs/benchmarks.md can be rerun; the
/// figures themselves are not asserted, only that each was measured.
/// </summary>
public sealed class LoadRunSmokeTests
{
    [SkippableFact]
    public async Task AQuickRunMeasuresEveryFigureAgainstBothModesAndAlertmanager()
    {
        foreach (var program in new[] { "redis-server", "prometheus-alertmanager", "wrk" })
        {
            ExternalProgram.RequireOnPath(program, "the load tool's smoke test");
        }

        var output = Directory.CreateTempSubdirectory("loadtest-smoke-").FullName;
        var (report, paths) = await new LoadRun(LoadOptions.QuickRun with { OutputDirectory = output }).RunAsync();

        Assert.All(paths, path => Assert.True(File.Exists(path), path));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(paths[0]));
        Assert.Equal(2, json.RootElement.GetProperty("modes").GetArrayLength());
        Assert.Contains("## Targets", await File.ReadAllTextAsync(paths[1]), StringComparison.Ordinal);

        Assert.Equal(["embedded", "redis"], report.Modes.Select(m => m.Mode));
        foreach (var mode in report.Modes)
        {
            Assert.Equal([1, 100], mode.Deliveries.Select(d => d.Contacts));
            Assert.All(mode.Deliveries, d => Assert.True(d.P50Ms > 0 && d.P99Ms >= d.P50Ms && d.MaxMs >= d.P99Ms, $"{mode.Mode} {d.Name}: {d}"));
            Assert.Equal([("steady", 1), ("steady", 50), ("churn", 1), ("churn", 50)], mode.Ingest.Select(i => (i.Stream, i.BatchSize)));
            Assert.All(mode.Ingest.Where(i => i.Stream == "churn"), i => Assert.True(i.TransitionShare > 0.05, $"churn: {i.TransitionShare}"));
            Assert.All(mode.Ingest, i => Assert.Equal(0, i.Drive.Failed));
            Assert.All(mode.Ingest, i => Assert.True(i.EventsPerSecond > 0 && i.CpuSecondsPer1000Events > 0, $"{mode.Mode}: {i}"));
            Assert.All(mode.Ingest, i => Assert.Equal("wrk", i.Drive.Driver));
        }

        var alertmanager = Assert.IsType<Reporting.AlertmanagerReport>(report.Alertmanager);
        Assert.True(alertmanager.Latency.P50Ms > 0);
        Assert.All(alertmanager.Ingest, i => Assert.True(i.EventsPerSecond > 0 && i.Drive.Failed == 0, i.ToString()));

        Assert.Equal(["service", "client"], report.Memory.Select(m => m.Grain));
        Assert.All(report.Memory, m => Assert.True(m.BytesPerEmptyActivation > 0 && m.BytesPerActivationWithData > 0, m.ToString()));

        // Every target of the issue is checked; the 1,000 and 100,000 contact ones need the full run's fan-outs.
        Assert.Contains(report.Targets, t => t.Target.StartsWith("ingest, single events", StringComparison.Ordinal));
        Assert.Contains(report.Targets, t => t.Target.StartsWith("ingest, batches of 50", StringComparison.Ordinal));
        Assert.Contains(report.Targets, t => t.Target.StartsWith("latency, 1 contact", StringComparison.Ordinal));
        Assert.Contains(report.Targets, t => t.Target.StartsWith("redis within 3×", StringComparison.Ordinal));
        Assert.Equal(2, report.Targets.Count(t => t.Target.StartsWith("memory", StringComparison.Ordinal)));
    }
}
