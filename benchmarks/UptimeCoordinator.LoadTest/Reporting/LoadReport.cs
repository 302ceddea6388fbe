using UptimeCoordinator.LoadTest.Driving;

namespace UptimeCoordinator.LoadTest.Reporting;

/// <summary>Everything one run measured; written as JSON and as Markdown.</summary>
internal sealed record LoadReport(
    DateTimeOffset StartedAt,
    double Seconds,
    MachineInfo Machine,
    string Settings,
    List<ModeReport> Modes,
    AlertmanagerReport? Alertmanager,
    List<MemoryFigure> Memory,
    List<TargetCheck> Targets);

internal sealed record MachineInfo(string Os, string Cpu, int Cores, string Runtime, string? Alertmanager, string? Redis, string? Wrk);

/// <summary>The figures of one way of running the coordinator: embedded or with Redis.</summary>
internal sealed record ModeReport(string Mode, double SetupSeconds, List<DeliveryFigure> Deliveries, List<IngestFigure> Ingest);

/// <summary>
/// Ingest: events per second through one driver at one batch size, and the server's CPU seconds for
/// every 1000 of them (its process's user plus system time over the run).
/// </summary>
internal sealed record IngestFigure(
    string Target,
    int BatchSize,
    DriveResult Drive,
    double EventsPerSecond,
    double CpuSeconds,
    double CpuSecondsPer1000Events,
    double TransitionShare,
    string Stream = "steady")
{
    /// <summary>How the events went: "single events" or "batches of 50".</summary>
    public static string Shape(int batchSize) => batchSize == 1 ? "single events" : $"batches of {batchSize}";
}

/// <summary>
/// Deliveries of a down event: from its POST to each contact's webhook, over <c>Rounds</c> events.
/// Completion is the time to the last contact of a round. Missing counts contacts a round gave up on
/// (no delivery for a minute): their latencies are not in the percentiles.
/// </summary>
internal sealed record DeliveryFigure(
    string Name,
    int Contacts,
    int Rounds,
    double P50Ms,
    double P99Ms,
    double MaxMs,
    double CompletionMedianMs,
    double CompletionMaxMs,
    long Repeats,
    double SetupSeconds,
    long Missing = 0);

internal sealed record AlertmanagerReport(DeliveryFigure Latency, List<IngestFigure> Ingest);

/// <summary>
/// Memory per activation, measured in-process after full collections: an activation with default
/// (empty) state is the grain's own overhead; one with a definition adds its data.
/// </summary>
internal sealed record MemoryFigure(string Grain, int Count, double BytesPerEmptyActivation, double BytesPerActivationWithData, double BytesLeftAfterDeactivation);

/// <summary>A target of the issue, whether this run met it, and by how much.</summary>
internal sealed record TargetCheck(string Target, string Measured, bool Met);
