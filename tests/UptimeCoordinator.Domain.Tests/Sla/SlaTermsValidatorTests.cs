using UptimeCoordinator.Domain.Sla;

namespace UptimeCoordinator.Domain.Tests.Sla;

public sealed class SlaTermsValidatorTests
{
    private static Dictionary<string, string[]> Errors(SlaTerms terms)
    {
        var errors = new ValidationErrors();
        SlaTermsValidator.Validate(terms, errors);
        return errors.ToDictionary();
    }

    [Fact]
    public void TheDefaultTermsAreValid() => Assert.Empty(Errors(SlaTerms.Default));

    [Fact]
    public void NoCreditTiersAtAllAreValid() => Assert.Empty(Errors(SlaTerms.Default with { CreditTiers = [] }));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100.01)]
    [InlineData(double.NaN)]
    public void ATargetOutsideZeroToHundredIsRefused(double target) =>
        Assert.Contains("sla.targetPercent", Errors(SlaTerms.Default with { TargetPercent = target }).Keys);

    [Fact]
    public void AHundredPercentTargetIsAllowed() => Assert.Empty(Errors(SlaTerms.Default with { TargetPercent = 100 }));

    [Theory]
    [InlineData(-1)]
    [InlineData(8761)]
    public void NoticeHoursOutsideAYearAreRefused(int hours) =>
        Assert.Contains("sla.maintenanceNoticeHours", Errors(SlaTerms.Default with { MaintenanceNoticeHours = hours }).Keys);

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1_000_000_000.01)]
    public void AFeeOutOfRangeIsRefused(double fee) =>
        Assert.Contains("sla.monthlyFee", Errors(SlaTerms.Default with { MonthlyFee = (decimal)fee }).Keys);

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.PositiveInfinity)]
    public void WeightsOutsideZeroToOneAreRefused(double weight)
    {
        var errors = Errors(SlaTerms.Default with { PartialOutageWeight = weight, DegradedWeight = weight });

        Assert.Contains("sla.partialOutageWeight", errors.Keys);
        Assert.Contains("sla.degradedWeight", errors.Keys);
    }

    [Fact]
    public void EachBadTierIsReportedByItsIndex()
    {
        var errors = Errors(SlaTerms.Default with { CreditTiers = [new(99.9, 10), new(0, 101), new(99.9, 5)] });

        Assert.Equal(["sla.creditTiers[1].belowPercent", "sla.creditTiers[1].creditPercent", "sla.creditTiers[2].belowPercent"], errors.Keys.Order());
    }

    [Fact]
    public void MoreThanTwentyTiersAreRefused()
    {
        var tiers = Enumerable.Range(1, 21).Select(i => new CreditTier(100 - i, i)).ToArray();

        Assert.Equal(["sla.creditTiers"], Errors(SlaTerms.Default with { CreditTiers = tiers }).Keys);
    }

    [Fact]
    public void ThePrefixIsTheCallersChoice()
    {
        var errors = new ValidationErrors();

        SlaTermsValidator.Validate(SlaTerms.Default with { TargetPercent = 0 }, errors, "clients[3].sla.");

        Assert.Equal(["clients[3].sla.targetPercent"], errors.ToDictionary().Keys);
    }
}
