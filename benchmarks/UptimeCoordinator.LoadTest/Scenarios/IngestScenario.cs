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
    private readonly List<StreamEvent> _stream = EventStream.Generate(options.IngestServices, options.StreamLength, options.Hold);

    public IReadOnlyList<string> ServiceIds => [.. Enumerable.Range(0, options.IngestServices).Select(EventStream.ServiceId)];

    public double TransitionShare => (double)EventStream.Transitions(_stream) / _stream.Count;

    public async Task<IngestFigure> RunAsync(IngestTarget target, int batchSize, Action<string> progress)
    {
        var bodies = EventStream.Bodies(_stream, batchSize, target.Body);
        progress($"{target.Name}, {Shape(batchSize)}: warming up for {options.Warmup.TotalSeconds:0} s");
        await DriveAsync(target, bodies, options.Warmup, progress);
        var cpuBefore = target.Server.CpuTime;
        progress($"{target.Name}, {Shape(batchSize)}: measuring for {options.Duration.TotalSeconds:0} s");
        var drive = await DriveAsync(target, bodies, options.Duration, progress);
        var cpu = (target.Server.CpuTime - cpuBefore).TotalSeconds;
        if (drive.Failed > 0)
        {
            progress($"warning: {drive.Failed} of {drive.Requests} requests were not answered 2xx");
        }

        var events = (drive.Requests - drive.Failed) * (double)batchSize;
        var figure = new IngestFigure(target.Name, batchSize, drive, events / drive.Seconds, cpu, events > 0 ? cpu / events * 1000 : double.NaN, TransitionShare);
        progress($"{target.Name}, {Shape(batchSize)}: {figure.EventsPerSecond:N0} events/s, p99 {drive.LatencyP99Ms:0.0} ms per request, {figure.CpuSecondsPer1000Events:0.000} CPU s per 1000 events");
        return figure;
    }

    public static string Shape(int batchSize) => batchSize == 1 ? "single events" : $"batches of {batchSize}";

    private async Task<DriveResult> DriveAsync(IngestTarget target, IReadOnlyList<string> bodies, TimeSpan duration, Action<string> progress) =>
        options.Rate > 0 || !WrkDriver.IsAvailable()
            ? await PacedDriver.RunAsync(target.Http, target.Url, bodies, options.Rate, duration, options.Connections, progress)
            : await WrkDriver.RunAsync(target.Url, bodies, target.Authorization, duration, options.Connections, workDir);
}
