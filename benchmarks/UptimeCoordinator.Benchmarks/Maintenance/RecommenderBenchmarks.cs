using BenchmarkDotNet.Attributes;
using UptimeCoordinator.Domain.Costs;
using UptimeCoordinator.Domain.Maintenance;

namespace UptimeCoordinator.Benchmarks.Maintenance;

/// <summary>
/// The recommender at the size DESIGN.md has to serve: 10 000 affected clients in ten zones (DST
/// north and south, half- and quarter-hour offsets), two currencies, a fortnight's range, two hours
/// of work. It must answer well inside 200 ms, so the API can call it on a request.
/// </summary>
/// <remarks>
/// <see cref="MixedCurves"/> is the expected mix: most clients on the default curve, three in ten
/// with a curve of their own. <see cref="EveryClientItsOwnCurve"/> is the worst case, where grouping
/// by curve saves nothing.
/// </remarks>
[MemoryDiagnoser]
public class RecommenderBenchmarks
{
    private const int ClientCount = 10_000;

    private static readonly string[] Zones =
    [
        "UTC", "Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles",
        "America/Sao_Paulo", "Asia/Kolkata", "Asia/Kathmandu", "Asia/Tokyo", "Australia/Adelaide",
    ];

    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 7, 0, TimeSpan.Zero);

    private readonly WindowSearch _search = new(
        TimeSpan.FromHours(2),
        Now,
        Now.AddDays(14),
        Count: 5,
        Now,
        [new FreezeSpan(Now.AddDays(5), Now.AddDays(5.5)), new FreezeSpan(Now.AddDays(9), Now.AddDays(9.25))],
        new Dictionary<string, decimal> { ["EUR"] = 1.08m },
        ClientLimit: 100);

    private MaintenanceExposure[] _mixed = [];
    private MaintenanceExposure[] _ownCurves = [];

    [GlobalSetup]
    public void CreateClients()
    {
        _mixed = Clients(ownCurveShare: 0.3);
        _ownCurves = Clients(ownCurveShare: 1);
    }

    [Benchmark(Baseline = true)]
    public WindowRecommendation MixedCurves() => WindowRecommender.Recommend(_search, _mixed);

    [Benchmark]
    public WindowRecommendation EveryClientItsOwnCurve() => WindowRecommender.Recommend(_search, _ownCurves);

    // A fixed seed: every run prices the same clients, so runs compare.
    private static MaintenanceExposure[] Clients(double ownCurveShare)
    {
        var random = new Random(20260302);
        var clients = new MaintenanceExposure[ClientCount];
        for (var i = 0; i < clients.Length; i++)
        {
            var curve = random.NextDouble() < ownCurveShare ? OwnCurve(random) : WeeklyUsage.BusinessHours;
            var profile = new CostProfile(i % 2 == 0 ? "USD" : "EUR", random.Next(10, 10_000), curve, SeverityFactors.Default);
            clients[i] = new($"client-{i:D5}", $"Client {i}", Zones[i % Zones.Length], profile, random.NextDouble() * 1.5, 24 * random.Next(1, 4));
        }

        return clients;
    }

    private static double[] OwnCurve(Random random)
    {
        var curve = new double[WeeklyUsage.Hours];
        for (var hour = 0; hour < curve.Length; hour++)
        {
            curve[hour] = hour / 24 < 5 && hour % 24 is >= 8 and < 18 ? 1 + random.NextDouble() : random.NextDouble() * 0.3;
        }

        return curve;
    }
}
