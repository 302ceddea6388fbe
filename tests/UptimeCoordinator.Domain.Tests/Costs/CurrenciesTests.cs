using System.Globalization;
using UptimeCoordinator.Domain.Costs;

namespace UptimeCoordinator.Domain.Tests.Costs;

public sealed class CurrenciesTests
{
    [Theory]
    [InlineData("EUR")]
    [InlineData("USD")]
    [InlineData("JPY")]
    [InlineData("INR")]
    [InlineData("NPR")]
    [InlineData("XOF")]
    public void CurrenciesInUseAreKnown(string code) => Assert.True(Currencies.IsKnown(code));

    [Theory]
    [InlineData("eur")]
    [InlineData("Eur")]
    [InlineData("EURO")]
    [InlineData("EU")]
    [InlineData("ABC")]
    [InlineData("XXX")]
    [InlineData("XTS")]
    [InlineData("XAU")]
    [InlineData("")]
    [InlineData(null)]
    public void LowercaseMadeUpAndNonMoneyCodesAreNot(string? code) => Assert.False(Currencies.IsKnown(code));

    [Fact]
    public void EveryCurrencyThePlatformsCulturesUseIsKnown()
    {
        // Keeps the embedded list honest where ICU or Windows data is at hand; with invariant
        // globalization there are no regions to compare and the list stands on its own.
        var platform = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Select(c => new RegionInfo(c.Name).ISOCurrencySymbol)
            .Where(code => code.Length == 3 && code.All(char.IsAsciiLetterUpper))
            .Distinct();

        Assert.Empty(platform.Where(code => !Currencies.IsKnown(code)).Order());
    }
}
