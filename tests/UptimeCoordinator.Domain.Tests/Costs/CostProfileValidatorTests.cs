using System.Globalization;
using UptimeCoordinator.Domain.Costs;

namespace UptimeCoordinator.Domain.Tests.Costs;

public sealed class CostProfileValidatorTests
{
    private static readonly CostProfile Valid = CostProfile.BusinessHours("EUR", 1000m);

    private static Dictionary<string, string[]> Errors(CostProfile profile, string prefix = "costProfile.")
    {
        var errors = new ValidationErrors();
        CostProfileValidator.Validate(profile, errors, prefix);
        return errors.ToDictionary();
    }

    private static double[] CurveWith(int hour, double weight)
    {
        var curve = WeeklyUsage.BusinessHours.ToArray();
        curve[hour] = weight;
        return curve;
    }

    [Fact]
    public void TheDefaultProfileIsValid() => Assert.Empty(Errors(Valid));

    [Fact]
    public void AFreeClientWithAnIdleCurveIsValid() =>
        Assert.Empty(Errors(Valid with { CostPerHour = 0, WeeklyUsage = new double[WeeklyUsage.Hours], SeverityFactors = new(0, 0, 0) }));

    [Theory]
    [InlineData("eur")]
    [InlineData("EURO")]
    [InlineData("XYZ")]
    [InlineData("XAU")]
    [InlineData("")]
    [InlineData(null)]
    public void ACurrencyThatIsNotAnUppercaseIso4217CodeIsRefused(string? currency) =>
        Assert.Equal(["costProfile.currency"], Errors(Valid with { Currency = currency! }).Keys);

    [Theory]
    [InlineData("-0.01")]
    [InlineData("1000000000.01")]
    public void ACostPerHourOutsideZeroToOneBillionIsRefused(string cost) =>
        Assert.Equal(["costProfile.costPerHour"], Errors(Valid with { CostPerHour = decimal.Parse(cost, CultureInfo.InvariantCulture) }).Keys);

    [Fact]
    public void ACostPerHourOfOneBillionIsAccepted() => Assert.Empty(Errors(Valid with { CostPerHour = 1_000_000_000m }));

    [Theory]
    [InlineData(0)]
    [InlineData(167)]
    [InlineData(169)]
    public void AWeeklyUsageWithoutExactly168WeightsIsRefused(int count) =>
        Assert.Equal(["costProfile.weeklyUsage"], Errors(Valid with { WeeklyUsage = new double[count] }).Keys);

    [Fact]
    public void AMissingWeeklyUsageIsRefused() =>
        Assert.Equal(["costProfile.weeklyUsage"], Errors(Valid with { WeeklyUsage = null! }).Keys);

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1000.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void AWeightThatIsNotBetweenZeroAndOneThousandIsRefusedByItsIndex(double weight) =>
        Assert.Equal(["costProfile.weeklyUsage[5]"], Errors(Valid with { WeeklyUsage = CurveWith(5, weight) }).Keys);

    [Fact]
    public void EveryBadWeightIsNamed()
    {
        var curve = CurveWith(0, -1);
        curve[167] = double.NaN;

        Assert.Equal(["costProfile.weeklyUsage[0]", "costProfile.weeklyUsage[167]"], Errors(Valid with { WeeklyUsage = curve }).Keys.Order());
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(10.01)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void ASeverityFactorOutsideZeroToTenIsRefused(double factor)
    {
        Assert.Equal(["costProfile.severityFactors.majorOutage"], Errors(Valid with { SeverityFactors = new(MajorOutage: factor) }).Keys);
        Assert.Equal(["costProfile.severityFactors.partialOutage"], Errors(Valid with { SeverityFactors = new(PartialOutage: factor) }).Keys);
        Assert.Equal(["costProfile.severityFactors.degradedPerformance"], Errors(Valid with { SeverityFactors = new(DegradedPerformance: factor) }).Keys);
    }

    [Fact]
    public void MissingSeverityFactorsAreRefused() =>
        Assert.Equal(["costProfile.severityFactors"], Errors(Valid with { SeverityFactors = null! }).Keys);

    [Fact]
    public void ErrorsCarryTheCallersPrefix() =>
        Assert.Equal(["clients[2].costProfile.currency"], Errors(Valid with { Currency = "eur" }, "clients[2].costProfile.").Keys);
}
