using BenchmarkDotNet.Attributes;
using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Costs;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Benchmarks.Costs;

/// <summary>
/// The time-weighted cost of downtime for one client in Europe/Berlin on a weekly curve of its own.
/// Nothing accrues in storage: every cost read, every live incident view and every span that ends
/// (the cost metric) integrates again, so the integral sits on request paths.
/// </summary>
/// <remarks>
/// <see cref="TwoHourOutage"/> is the common case, one offset and one probe. <see cref="ThreeDayOutage"/>
/// spans the spring-forward of 29 March 2026: a probe a day, then a bisection to the tick of the change.
/// <see cref="MonthOf200Outages"/> is the breakdown the cost API reads for March 2026 of a client whose
/// ledger holds 200 spans over five services, by incident and by service.
/// </remarks>
[MemoryDiagnoser]
public class CostIntegralBenchmarks
{
    private static readonly TimeZoneInfo Berlin = TimeZones.Find("Europe/Berlin");
    private static readonly string[] Services = ["checkout", "db", "search", "payments", "cdn"];

    // Tuesday 10 March 2026, 10:00 to 12:00 in Berlin: business hours, far from any offset change.
    private static readonly DateTimeOffset TwoHoursFrom = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    // Friday 27 March 2026 19:00 to Monday 30 March 20:00 in Berlin, across the spring-forward.
    private static readonly DateTimeOffset ThreeDaysFrom = new(2026, 3, 27, 18, 0, 0, TimeSpan.Zero);

    // March 2026 in Berlin: 1 March 00:00 (UTC+1) to 1 April 00:00 (UTC+2).
    private static readonly DateTimeOffset MonthFrom = new(2026, 2, 28, 23, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MonthTo = new(2026, 3, 31, 22, 0, 0, TimeSpan.Zero);

    private ClientDefinition _client = null!;
    private CostProfile _profile = null!;
    private ImpactSpan[] _month = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20260329);
        _profile = new CostProfile("EUR", 4_200m, OwnCurve(random), SeverityFactors.Default);
        _client = new ClientDefinition(
            "acme", "Acme Retail", Berlin.Id, [.. Services.Select(s => new Subscription(s, Math.Round(0.2 + random.NextDouble() * 0.8, 2)))], [], _profile);
        var statuses = new[] { ServiceStatus.MajorOutage, ServiceStatus.PartialOutage, ServiceStatus.DegradedPerformance };
        _month = [.. Enumerable.Range(0, 200).Select(i =>
        {
            var from = MonthFrom.AddMinutes(random.Next(31 * 1440));
            return new ImpactSpan($"inc-{i:D3}", Services[random.Next(Services.Length)], statuses[random.Next(statuses.Length)], from, from.AddMinutes(random.Next(5, 360)));
        })];
    }

    [Benchmark(Baseline = true)]
    public decimal TwoHourOutage() =>
        CostEngine.Cost(_profile, Berlin, 0.8, ServiceStatus.MajorOutage, TwoHoursFrom, TwoHoursFrom.AddHours(2));

    [Benchmark]
    public decimal ThreeDayOutage() =>
        CostEngine.Cost(_profile, Berlin, 0.8, ServiceStatus.MajorOutage, ThreeDaysFrom, ThreeDaysFrom.AddDays(3));

    [Benchmark]
    public decimal MonthOf200Outages() => ClientCosts.Over(_client, _month, MonthFrom, MonthTo, MonthTo)!.Total;

    // A web shop's week: office hours, a busier evening, long weekend afternoons, quiet nights; with jitter,
    // so that no two hours weigh the same and a mistake in the hour arithmetic shows in the figure.
    private static double[] OwnCurve(Random random)
    {
        var curve = new double[WeeklyUsage.Hours];
        for (var hour = 0; hour < curve.Length; hour++)
        {
            var (day, clock) = Math.DivRem(hour, 24);
            var weight = (weekend: day >= 5, clock) switch
            {
                (_, < 7) => 0.1,
                (true, >= 10 and < 20) => 1.6,
                (false, >= 8 and < 18) => 1.0,
                (false, >= 18 and < 22) => 1.4,
                _ => 0.3,
            };
            curve[hour] = weight * (0.9 + random.NextDouble() * 0.2);
        }

        return curve;
    }
}
