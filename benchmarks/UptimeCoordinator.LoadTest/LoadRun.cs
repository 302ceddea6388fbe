using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using UptimeCoordinator.LoadTest.Driving;
using UptimeCoordinator.LoadTest.Processes;
using UptimeCoordinator.LoadTest.Receiving;
using UptimeCoordinator.LoadTest.Reporting;
using UptimeCoordinator.LoadTest.Scenarios;
using UptimeCoordinator.LoadTest.Setup;

namespace UptimeCoordinator.LoadTest;

/// <summary>
/// One whole run: memory in-process, then for each mode a fresh host (and a fresh Redis) with its
/// fleet, the delivery scenarios and the ingest runs, then Alertmanager with the same stream; then
/// the targets, and the report as JSON and Markdown.
/// </summary>
internal sealed class LoadRun(LoadOptions options)
{
    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web) { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private readonly string _workDir = Directory.CreateTempSubdirectory("uptime-loadtest-").FullName;

    public async Task<(LoadReport Report, string[] Paths)> RunAsync()
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var hostDll = options.HostDll ?? FindHostDll();
        Progress.Say($"load test: {options}");
        Progress.Say($"host: {hostDll}; logs and scratch files: {_workDir}");
        var useAlertmanager = options.Alertmanager;
        var machine = await MachineProbe.DescribeAsync(useAlertmanager, options.Modes.Contains("redis"), WrkDriver.IsAvailable());

        var memory = options.Memory ? await MemoryScenario.RunAsync(options.MemoryGrains, Progress.For("memory")) : [];
        await using var receiver = await DeliveryReceiver.StartAsync();
        var ingest = new IngestScenario(options, _workDir);
        var modes = new List<ModeReport>();
        foreach (var mode in options.Modes)
        {
            modes.Add(await RunModeAsync(mode, hostDll, receiver, ingest));
        }

        var alertmanager = useAlertmanager ? await RunAlertmanagerAsync(receiver, ingest) : null;
        var report = new LoadReport(started, clock.Elapsed.TotalSeconds, machine, options.ToString(), modes, alertmanager, memory, TargetChecks.Evaluate(modes, alertmanager, memory));
        return (report, await WriteAsync(report));
    }

    private async Task<ModeReport> RunModeAsync(string mode, string hostDll, DeliveryReceiver receiver, IngestScenario ingest)
    {
        var progress = Progress.For(mode);
        await using var redis = mode == "redis" ? await RedisProcess.StartAsync(_workDir) : null;
        progress(redis is null ? "starting the host, embedded" : $"starting the host on Redis at {redis.ConnectionString}");
        await using var host = await CoordinatorProcess.StartAsync(hostDll, _workDir, redis?.ConnectionString, options.HostSettings);
        using var ops = host.CreateClient(CoordinatorProcess.OpsKey);
        using var monitor = host.CreateClient(CoordinatorProcess.MonitorKey);
        var fleet = new Fleet(ops, progress);

        var setup = Stopwatch.StartNew();
        var deliveries = new List<DeliveryScenario> { new($"{mode}-lat1", "1 contact", 1, 1, options.LatencyRounds) };
        deliveries.AddRange(options.FanOuts.Select(f => new DeliveryScenario(
            $"{mode}-fan{f.Contacts.ToString(CultureInfo.InvariantCulture)}", $"{f.Contacts:N0} contacts", f.Contacts, options.ContactsPerClient, f.Rounds)));
        foreach (var scenario in deliveries)
        {
            await scenario.SetupAsync(fleet, receiver);
        }

        await fleet.CreateServicesAsync(ingest.ServiceIds);
        progress($"fleet created in {setup.Elapsed.TotalSeconds:0.0} s");

        var figures = new List<DeliveryFigure>();
        foreach (var scenario in deliveries)
        {
            figures.Add(await scenario.RunAsync(monitor, receiver, progress));
            var last = figures[^1];
            progress($"{last.Name}: p50 {last.P50Ms:0.0} ms, p99 {last.P99Ms:0.0} ms, all notified within {last.CompletionMaxMs:0} ms");
        }

        await SettleAsync(host.Process, progress);
        var target = new IngestTarget($"uptime-coordinator ({mode})", new Uri(host.BaseAddress, "/api/v1/events"), $"Bearer {CoordinatorProcess.MonitorKey}", host.Process, EventStream.CoordinatorBody, monitor);
        return new ModeReport(mode, setup.Elapsed.TotalSeconds, figures, await ingest.RunAllAsync(target, progress));
    }

    // The fan-outs leave work behind (outcomes, reminders, writes); ingest is measured on a quiet host.
    private static async Task SettleAsync(ChildProcess server, Action<string> progress)
    {
        var clock = Stopwatch.StartNew();
        var last = server.CpuTime;
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = server.CpuTime;
            if ((now - last).TotalSeconds < 0.2)
            {
                progress($"host quiet after {clock.Elapsed.TotalSeconds:0} s");
                return;
            }

            last = now;
        }

        progress("host still busy after 90 s; measuring anyway");
    }

    private async Task<AlertmanagerReport> RunAlertmanagerAsync(DeliveryReceiver receiver, IngestScenario ingest)
    {
        var progress = Progress.For("alertmanager");
        progress("starting prometheus-alertmanager with group_wait: 0s");
        await using var alertmanager = await AlertmanagerProcess.StartAsync(_workDir, receiver.AlertmanagerUrl(AlertmanagerLatencyScenario.Key));
        using var http = new HttpClient { BaseAddress = alertmanager.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var startsAt = DateTimeOffset.UtcNow.AddHours(-1);
        var latency = await new AlertmanagerLatencyScenario(options.LatencyRounds).RunAsync(http, receiver, startsAt, progress);
        progress($"1 receiver: p50 {latency.P50Ms:0.0} ms, p99 {latency.P99Ms:0.0} ms");

        var target = new IngestTarget("alertmanager", new Uri(alertmanager.BaseAddress, "/api/v2/alerts"), null, alertmanager.Process, batch => EventStream.AlertmanagerBody(batch, startsAt), http);
        return new AlertmanagerReport(latency, await ingest.RunAllAsync(target, progress));
    }

    private async Task<string[]> WriteAsync(LoadReport report)
    {
        var directory = Directory.CreateDirectory(options.OutputDirectory ?? Path.Combine(RepositoryRoot() ?? ".", "benchmarks", "results")).FullName;
        var json = JsonSerializer.Serialize(report, ReportJson);
        var markdown = MarkdownReport.Write(report);
        var stamp = report.StartedAt.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        string[] paths = [Path.Combine(directory, $"loadtest-{stamp}.json"), Path.Combine(directory, $"loadtest-{stamp}.md")];
        await File.WriteAllTextAsync(paths[0], json);
        await File.WriteAllTextAsync(paths[1], markdown);
        await File.WriteAllTextAsync(Path.Combine(directory, "latest.json"), json);
        await File.WriteAllTextAsync(Path.Combine(directory, "latest.md"), markdown);
        return paths;
    }

    private static string FindHostDll()
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var root = RepositoryRoot() ?? throw new InvalidOperationException("run from inside the repository, or pass --host-dll");
        var dll = Path.Combine(root, "src", "UptimeCoordinator.Host", "bin", configuration, "net10.0", "UptimeCoordinator.Host.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build the solution in {configuration} first");
    }

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "UptimeCoordinator.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
