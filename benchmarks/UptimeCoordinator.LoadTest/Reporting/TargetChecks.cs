using System.Globalization;

namespace UptimeCoordinator.LoadTest.Reporting;

/// <summary>The issue's targets, checked against one run's figures. A figure the run did not measure is not checked.</summary>
internal static class TargetChecks
{
    public const double FanOutLimitMs = 20_000;
    public const double ThousandContactsP99LimitMs = 250;
    public const double RedisFactorLimit = 3;
    public const double IdleGrainLimitBytes = 4096;

    public static List<TargetCheck> Evaluate(List<ModeReport> modes, AlertmanagerReport? alertmanager, List<MemoryFigure> memory)
    {
        var checks = new List<TargetCheck>();
        var embedded = modes.FirstOrDefault(m => m.Mode == "embedded");
        if (embedded is not null && alertmanager is not null)
        {
            foreach (var peer in alertmanager.Ingest)
            {
                if (embedded.Ingest.FirstOrDefault(i => i.BatchSize == peer.BatchSize && i.Stream == peer.Stream) is { } ours)
                {
                    var ratio = ours.EventsPerSecond / peer.EventsPerSecond;
                    checks.Add(new(
                        $"ingest, {IngestFigure.Shape(peer.BatchSize)}{StreamSuffix(peer.Stream)}: at least Alertmanager's (aim 2×)",
                        $"{ours.EventsPerSecond:N0} vs {peer.EventsPerSecond:N0} events/s: {ratio:0.00}×",
                        ratio >= 1));
                }
            }

            if (embedded.Deliveries.FirstOrDefault(d => d.Contacts == 1) is { } one)
            {
                checks.Add(new(
                    "latency, 1 contact: p99 no worse than Alertmanager's",
                    $"p99 {one.P99Ms:0.0} ms vs {alertmanager.Latency.P99Ms:0.0} ms: {one.P99Ms / alertmanager.Latency.P99Ms:0.00}×",
                    one.P99Ms <= alertmanager.Latency.P99Ms));
            }
        }

        foreach (var mode in modes)
        {
            if (mode.Deliveries.FirstOrDefault(d => d.Contacts == 1000) is { } thousand)
            {
                checks.Add(new($"{mode.Mode}: latency, 1,000 contacts: p99 under {ThousandContactsP99LimitMs:0} ms", $"p99 {thousand.P99Ms:0} ms", thousand.P99Ms < ThousandContactsP99LimitMs));
            }

            if (mode.Deliveries.FirstOrDefault(d => d.Contacts == 100_000) is { } huge)
            {
                checks.Add(new(
                    $"{mode.Mode}: fan-out, 100,000 contacts in under 20 s",
                    huge.Missing == 0 ? $"{huge.CompletionMaxMs / 1000:0.0} s" : $"{huge.Contacts - huge.Missing:N0} notified, {huge.Missing:N0} not within a minute of the last",
                    huge.Missing == 0 && huge.CompletionMaxMs < FanOutLimitMs));
            }
        }

        if (embedded is not null && modes.FirstOrDefault(m => m.Mode == "redis") is { } redis)
        {
            foreach (var ingest in redis.Ingest)
            {
                if (embedded.Ingest.FirstOrDefault(i => i.BatchSize == ingest.BatchSize && i.Stream == ingest.Stream) is { } reference)
                {
                    var factor = reference.EventsPerSecond / ingest.EventsPerSecond;
                    checks.Add(new($"redis within 3× of embedded: ingest, {IngestFigure.Shape(ingest.BatchSize)}{StreamSuffix(ingest.Stream)}", $"{ingest.EventsPerSecond:N0} vs {reference.EventsPerSecond:N0} events/s: {factor:0.00}× slower", factor <= RedisFactorLimit));
                }
            }

            foreach (var delivery in redis.Deliveries)
            {
                if (embedded.Deliveries.FirstOrDefault(d => d.Contacts == delivery.Contacts) is { } reference)
                {
                    var factor = delivery.P99Ms / reference.P99Ms;
                    checks.Add(new($"redis within 3× of embedded: {delivery.Name}, p99", $"{delivery.P99Ms:0.0} vs {reference.P99Ms:0.0} ms: {factor:0.00}×", factor <= RedisFactorLimit));
                }
            }
        }

        foreach (var grain in memory)
        {
            checks.Add(new(
                $"memory: under 4 KiB per idle {grain.Grain} grain beyond its data",
                $"{grain.BytesPerEmptyActivation.ToString("N0", CultureInfo.InvariantCulture)} bytes",
                grain.BytesPerEmptyActivation < IdleGrainLimitBytes));
        }

        return checks;
    }

    // The steady stream keeps the plain name, so a check reads the same with or without churn runs.
    private static string StreamSuffix(string stream) => stream == "steady" ? "" : $", {stream}";
}
