using UptimeCoordinator.LoadTest.Driving;
using UptimeCoordinator.LoadTest.Processes;
using UptimeCoordinator.LoadTest.Reporting;

namespace UptimeCoordinator.LoadTest.Scenarios;

/// <summary>Where one ingest run sends the stream, and how each request body is written.</summary>
internal sealed record IngestTarget(
    string Name,
    Uri Url,
    string? Authorization,
    ChildProcess Server,
    Func<IReadOnlyList<StreamEvent>, string> Body,
    HttpClient Http);

/// <summary>
/// Ingest throughput: the shared stream (<see cref="EventStream"/>) as fast as the target answers,
/// one event per request or in batches, after a warm-up that is not counted (the JIT and the grains'
/// activations). The server's CPU time over the measured run gives CPU seconds per 1000 events.
/// </summary>
internal sealed class IngestScenario(LoadOptions options, string workDir)
{
    // After its first run a target's code is compiled and its grains active: later runs warm up briefly.
    private static readonly TimeSpan RewarmUp = TimeSpan.FromSeconds(5);

    private readonly HashSet<string> _warmed = new(StringComparer.Ordinal);

    /// <summary>The two streams: heartbeats that change nothing, and churn, where one report in <c>Hold</c> is a transition.</summary>
    public IReadOnlyList<(string Name, List<StreamEvent> Events)> Streams { get; } =
    [
        ("steady", EventStream.Steady(options.IngestServices, options.StreamLength)),
        ("churn", EventStream.Generate(options.IngestServices, options.StreamLength, options.Hold)),
    ];

    public IReadOnlyList<string> ServiceIds => [.. Enumerable.Range(0, options.IngestServices).Select(EventStream.ServiceId)];

    /// <summary>Both streams, one event per request and in batches.</summary>
    public async Task<List<IngestFigure>> RunAllAsync(IngestTarget target, Action<string> progress)
    {
        var figures = new List<IngestFigure>();
        foreach (var (name, events) in Streams)
        {
            foreach (var batchSize in new[] { 1, options.BatchSize })
            {
                figures.Add(await RunAsync(target, name, events, batchSize, progress));
            }
        }

        return figures;
    }

    private async Task<IngestFigure> RunAsync(IngestTarget target, string stream, List<StreamEvent> events, int batchSize, Action<string> progress)
    {
        var what = $"{target.Name}, {stream}, {IngestFigure.Shape(batchSize)}";
        var bodies = EventStream.Bodies(events, batchSize, target.Body);
        var warmup = _warmed.Add(target.Name) || options.Warmup < RewarmUp ? options.Warmup : RewarmUp;
        progress($"{what}: warming up for {warmup.TotalSeconds:0} s");
        await DriveAsync(target, bodies, warmup, progress);
        var cpuBefore = target.Server.CpuTime;
        progress($"{what}: measuring for {options.Duration.TotalSeconds:0} s");
        var drive = await DriveAsync(target, bodies, options.Duration, progress);
        var cpu = (target.Server.CpuTime - cpuBefore).TotalSeconds;
        if (drive.Failed > 0)
        {
            progress($"warning: {drive.Failed} of {drive.Requests} requests were not answered 2xx");
        }

        var count = (drive.Requests - drive.Failed) * (double)batchSize;
        var share = (double)EventStream.Transitions(events) / events.Count;
        var figure = new IngestFigure(target.Name, batchSize, drive, count / drive.Seconds, cpu, count > 0 ? cpu / count * 1000 : double.NaN, share, stream);
        progress($"{what}: {figure.EventsPerSecond:N0} events/s, p99 {drive.LatencyP99Ms:0.0} ms per request, {figure.CpuSecondsPer1000Events:0.000} CPU s per 1000 events");
        return figure;
    }


    private async Task<DriveResult> DriveAsync(IngestTarget target, IReadOnlyList<string> bodies, TimeSpan duration, Action<string> progress) =>
        options.Rate > 0 || !WrkDriver.IsAvailable()
            ? await PacedDriver.RunAsync(target.Http, target.Url, bodies, options.Rate, duration, options.Connections, progress)
            : await WrkDriver.RunAsync(target.Url, bodies, target.Authorization, duration, options.Connections, workDir);
}
