using System.Globalization;
using UptimeCoordinator.Domain.Sla;
using static UptimeCoordinator.Domain.Services.ServiceStatus;
using static UptimeCoordinator.Domain.Tests.Sla.SlaScenario;

namespace UptimeCoordinator.Domain.Tests.Sla;

public sealed class SlaCsvTests
{
    private static readonly SlaReport Report = June(
        [Span(MajorOutage, 0, 216), Span(PartialOutage, 0, 120, "db")],
        subscriptions: [("api", 1.0), ("db", 0.5)],
        terms: SlaTerms.Default with { MonthlyFee = 1000m });

    private static string[] Lines(string csv) => csv.Split("\r\n");

    [Fact]
    public void ThereIsAHeaderARowPerServiceAndAnOverallRow()
    {
        var lines = Lines(SlaCsv.Write(Report, "acme", "EUR"));

        // Header, api, db, overall and the empty string after the last CRLF.
        Assert.Equal(5, lines.Length);
        Assert.Equal(SlaCsv.Header, lines[0]);
        Assert.Equal("", lines[^1]);
        Assert.DoesNotContain('\n', string.Concat(lines));
    }

    [Fact]
    public void NumbersUseTheInvariantCultureAndFixedDecimals()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var lines = Lines(SlaCsv.Write(Report, "acme", "EUR"));

            // api: 216 of 43 200 down, 99.5 %. db: 120 partial × 0.5 = 60 of 43 200, 99.86111 %.
            // Overall: eligible 43 200 + 21 600 = 64 800, down 216 + 30 = 246: 99.62037 %, tier 10 %: 100.00.
            Assert.Equal("2026-06,acme,api,43200.00,216.00,0.00,99.5000,99.9000,,,,", lines[1]);
            Assert.Equal("2026-06,acme,db,43200.00,60.00,0.00,99.8611,99.9000,,,,", lines[2]);
            Assert.Equal("2026-06,acme,overall,64800.00,246.00,0.00,99.6204,99.9000,false,10.0000,100.00,EUR", lines[3]);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void AMetMonthOwesNoCredit()
    {
        var lines = Lines(SlaCsv.Write(June([]), "acme", "USD"));

        Assert.Equal("2026-06,acme,overall,43200.00,0.00,0.00,100.0000,99.9000,true,0.0000,0.00,USD", lines[2]);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("=HYPERLINK(\"http://evil.example\")", "\"'=HYPERLINK(\"\"http://evil.example\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void TextFieldsAreQuotedAndDefused(string clientId, string field) =>
        Assert.Contains($"\r\n2026-06,{field},overall,", SlaCsv.Write(June([]), clientId, "EUR"), StringComparison.Ordinal);

    [Fact]
    public void TheClientIdAndCurrencyAreEscapedInEveryRow()
    {
        var csv = SlaCsv.Write(Report, "=cmd|' /C calc'!A0", "E,UR");

        Assert.Equal(3, Lines(csv).Count(l => l.StartsWith("2026-06,'=cmd|' /C calc'!A0,", StringComparison.Ordinal)));
        Assert.EndsWith(",\"E,UR\"\r\n", csv, StringComparison.Ordinal);
    }
}
