using BenchmarkDotNet.Attributes;
using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Services;
using UptimeCoordinator.Domain.Sla;

namespace UptimeCoordinator.Benchmarks.Sla;

/// <summary>
/// The uptime bars of a status page at a heavy client's size: 10 000 ledger spans over 90 days
/// across 20 services, in a zone with DST. Every page load and every live refresh asks for it, so
/// it must stay far below a request's budget (target: under 50 ms).
/// </summary>
[MemoryDiagnoser]
public class UptimeHistoryBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Berlin = TimeZones.Find("Europe/Berlin");

    private readonly string[] _services = [.. Enumerable.Range(0, 20).Select(i => $"svc-{i}")];
    private ImpactSpan[] _spans = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        var statuses = Enum.GetValues<ServiceStatus>();
        _spans = [.. Enumerable.Range(0, 10_000).Select(i =>
        {
            var from = Now.AddMinutes(-random.Next(90 * 1440));
            return new ImpactSpan($"i-{i}", _services[random.Next(_services.Length)], statuses[random.Next(statuses.Length)], from, from.AddMinutes(random.Next(1, 600)));
        })];
    }

    [Benchmark]
    public int NinetyDaysOfTwentyServices() => UptimeHistory.Daily(_spans, _services, Berlin, 90, Now, SlaTerms.Default).Count;
}
