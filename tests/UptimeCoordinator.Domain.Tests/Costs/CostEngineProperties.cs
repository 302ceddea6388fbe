using CsCheck;
using UptimeCoordinator.Domain.Costs;

namespace UptimeCoordinator.Domain.Tests.Costs;

/// <summary>The closed form must agree with the plain definition of the integral, whatever the zone does.</summary>
public sealed class CostEngineProperties
{
    private static readonly TimeSpan ThreeDays = TimeSpan.FromDays(3);

    [Fact]
    public void SplittingAnIntervalSplitsItsCost()
    {
        Gen.Select(CostGens.Profiles, CostGens.ZonedInstants, Gen.Long[0, TimeSpan.TicksPerDay * 400], Gen.Double[0, 1])
            .Sample((profile, start, length, split) =>
            {
                var (zone, from) = start;
                var to = from.AddTicks(length);
                var middle = from.AddTicks((long)(length * split));

                var whole = CostEngine.Integrate(profile, zone, from, to);
                var parts = CostEngine.Integrate(profile, zone, from, middle) + CostEngine.Integrate(profile, zone, middle, to);

                return CostGens.Close(whole, parts, 1e-18m);
            }, iter: 200);
    }

    [Fact]
    public void HoursNobodyWorksCostNothing()
    {
        // A zero block of ±3 clock hours around the start's hour; an interval of ±1 real hour stays
        // inside it even across a DST jump of an hour.
        Gen.Select(CostGens.Curves, CostGens.SteadyZone, CostGens.Instants, Gen.Long[0, TimeSpan.TicksPerHour], Gen.Long[0, TimeSpan.TicksPerHour])
            .Sample((curve, zone, at, before, after) =>
            {
                var hour = WeeklyUsage.HourOfWeek(TimeZoneInfo.ConvertTime(at, zone).DateTime);
                for (var k = -3; k <= 3; k++)
                {
                    curve[(hour + k + WeeklyUsage.Hours) % WeeklyUsage.Hours] = 0;
                }

                var profile = new CostProfile("EUR", 1000m, curve, SeverityFactors.Default);

                return CostEngine.Integrate(profile, zone, at.AddTicks(-before), at.AddTicks(after)) == 0m;
            }, iter: 200);
    }

    [Fact]
    public void CostIsLinearInCostPerHour()
    {
        Gen.Select(CostGens.Profiles, CostGens.ZonedInstants, Gen.Long[0, TimeSpan.TicksPerDay * 30], Gen.Int[0, 1000])
            .Sample((profile, start, length, factor) =>
            {
                var (zone, from) = start;
                var to = from.AddTicks(length);

                var scaled = CostEngine.Integrate(profile with { CostPerHour = profile.CostPerHour * factor }, zone, from, to);

                return CostGens.Close(factor * CostEngine.Integrate(profile, zone, from, to), scaled, 1e-20m);
            }, iter: 100);
    }

    [Fact]
    public void AFlatCurveCostsTheRealElapsedTimeInEveryZone()
    {
        var flat = new CostProfile("EUR", 1000m, Enumerable.Repeat(1.0, WeeklyUsage.Hours).ToArray(), SeverityFactors.Default);
        Gen.Select(CostGens.ZonedInstants, Gen.Long[0, TimeSpan.TicksPerDay * 30])
            .Sample((start, length) =>
            {
                var (zone, from) = start;
                var cost = CostEngine.Integrate(flat, zone, from, from.AddTicks(length));

                return CostGens.Close(1000m * length / TimeSpan.TicksPerHour, cost, 1e-20m);
            }, iter: 100);
    }

    [Fact]
    public void AWholeWeekAtOneOffsetCostsTheSumOfTheWeights()
    {
        Gen.Select(CostGens.Profiles, CostGens.ZonedInstants)
            .Sample((profile, start) =>
            {
                var (zone, from) = start;
                var offset = zone.GetUtcOffset(from);
                if (Enumerable.Range(0, 7 * 24 * 4 + 1).Any(q => zone.GetUtcOffset(from.AddMinutes(15 * q)) != offset))
                {
                    return true;
                }

                var total = profile.WeeklyUsage.Aggregate(0m, (sum, weight) => sum + (decimal)weight);

                return CostEngine.Integrate(profile, zone, from, from.AddDays(7)) == profile.CostPerHour * total;
            }, iter: 100);
    }

    [Fact]
    public void TheClosedFormEqualsASumOverEverySecond()
    {
        Gen.Select(CostGens.Profiles, CostGens.ZonedSeconds, Gen.Int[1, (int)ThreeDays.TotalSeconds])
            .Sample((profile, start, seconds) =>
            {
                var (zone, from) = start;
                var to = from.AddSeconds(seconds);

                return CostGens.Close(BySeconds(profile, zone, from, to), CostEngine.Integrate(profile, zone, from, to), 1e-9m, absolute: 1e-12m);
            }, iter: 40);
    }

    [Fact]
    public void TheTransitionsTheGeneratorsCrowdAroundAreReal() =>
        Assert.All(CostGens.Transitions, t => Assert.NotEqual(t.Zone.GetUtcOffset(t.At.AddTicks(-1)), t.Zone.GetUtcOffset(t.At)));

    // The definition, literally: each second costs costPerHour / 3600 times the weight of the
    // hour shown on the client's clock as it starts.
    private static decimal BySeconds(CostProfile profile, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to)
    {
        var perSecond = profile.WeeklyUsage.Select(w => profile.CostPerHour * (decimal)w / 3600).ToArray();
        var sum = 0m;
        for (var second = from; second < to; second = second.AddSeconds(1))
        {
            sum += perSecond[WeeklyUsage.HourOfWeek(TimeZoneInfo.ConvertTime(second, zone).DateTime)];
        }

        return sum;
    }
}
