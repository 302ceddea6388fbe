using System.Globalization;

namespace UptimeCoordinator.LoadTest;

/// <summary>
/// What to run and how hard. The defaults are the full benchmark of docs/benchmarks.md;
/// <c>--quick</c> is a small run that proves the tool works (the smoke test uses it).
/// </summary>
internal sealed record LoadOptions
{
    public bool Quick { get; init; }

    public List<string> Modes { get; init; } = ["embedded", "redis"];

    public bool Alertmanager { get; init; } = true;

    public bool Memory { get; init; } = true;

    public int IngestServices { get; init; } = 1000;

    public int StreamLength { get; init; } = 200_000;

    /// <summary>Reports each service holds its status for: one in this many is a transition.</summary>
    public int Hold { get; init; } = 50;

    public int BatchSize { get; init; } = 50;

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(20);

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(15);

    public int Connections { get; init; } = 64;

    /// <summary>Events per second for the built-in driver; 0 is as fast as the target answers (wrk, when installed).</summary>
    public double Rate { get; init; }

    public int LatencyRounds { get; init; } = 200;

    public List<(int Contacts, int Rounds)> FanOuts { get; init; } = [(1_000, 5), (10_000, 2), (100_000, 1)];

    public int ContactsPerClient { get; init; } = 10;

    public int MemoryGrains { get; init; } = 10_000;

    public string? OutputDirectory { get; init; }

    public string? HostDll { get; init; }

    public Dictionary<string, string> HostSettings { get; init; } = [];

    public static LoadOptions Parse(string[] args)
    {
        var options = args.Contains("--quick") ? QuickRun : new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--quick" => options,
                "--modes" => options with { Modes = [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] },
                "--no-alertmanager" => options with { Alertmanager = false },
                "--no-memory" => options with { Memory = false },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(double.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(double.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--rate" => options with { Rate = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--connections" => options with { Connections = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--services" => options with { IngestServices = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--latency-rounds" => options with { LatencyRounds = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--fanout" => options with { FanOuts = [.. Value().Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).Select(n => (n, n >= 100_000 ? 1 : n >= 10_000 ? 2 : 5))] },
                "--contacts-per-client" => options with { ContactsPerClient = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--out" => options with { OutputDirectory = Value() },
                "--host-dll" => options with { HostDll = Value() },
                "--setting" => options.WithSetting(Value()),
                var unknown => throw new ArgumentException($"unknown option {unknown}; see docs/benchmarks.md"),
            };
        }

        if (options.Modes.Except(["embedded", "redis"]).FirstOrDefault() is { } mode)
        {
            throw new ArgumentException($"unknown mode {mode}: embedded or redis");
        }

        return options;
    }

    public static LoadOptions QuickRun => new()
    {
        Quick = true,
        IngestServices = 50,
        StreamLength = 5_000,
        Hold = 10,
        Warmup = TimeSpan.FromSeconds(1),
        Duration = TimeSpan.FromSeconds(2),
        Connections = 8,
        LatencyRounds = 10,
        FanOuts = [(100, 2)],
        MemoryGrains = 300,
    };

    private LoadOptions WithSetting(string pair)
    {
        var split = pair.IndexOf('=', StringComparison.Ordinal);
        if (split <= 0)
        {
            throw new ArgumentException($"--setting takes Key=Value, not '{pair}'");
        }

        var settings = new Dictionary<string, string>(HostSettings) { [pair[..split]] = pair[(split + 1)..] };
        return this with { HostSettings = settings };
    }

    public override string ToString() =>
        $"{(Quick ? "quick" : "full")} run; modes {string.Join("+", Modes)}; ingest: {IngestServices} services, a transition every {Hold} reports, " +
        $"batches of {BatchSize}, {Warmup.TotalSeconds:0} s warm-up, {Duration.TotalSeconds:0} s measured, {Connections} connections" +
        (Rate > 0 ? $", paced at {Rate:0}/s" : "") +
        $"; latency: {LatencyRounds} rounds; fan-out: {string.Join(", ", FanOuts.Select(f => $"{f.Contacts} contacts × {f.Rounds}"))}, {ContactsPerClient} contacts per client" +
        (HostSettings.Count > 0 ? $"; host settings: {string.Join(", ", HostSettings.Select(s => $"{s.Key}={s.Value}"))}" : "");
}
