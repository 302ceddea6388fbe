using UptimeCoordinator.Domain.Sla;

namespace UptimeCoordinator.Domain.Tests.Sla;

public sealed class SlaMonthTests
{
    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    [Fact]
    public void BerlinsMarchStartsInWinterTimeAndEndsInSummerTime()
    {
        var (from, to) = SlaMonth.Bounds(Zone("Europe/Berlin"), 2026, 3);

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(1)), from);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.FromHours(2)), to);
        Assert.Equal(TimeSpan.FromHours(743), to - from);
        Assert.Equal(TimeSpan.FromHours(1), from.Offset);
    }

    [Fact]
    public void BerlinsOctoberHas745Hours()
    {
        var (from, to) = SlaMonth.Bounds(Zone("Europe/Berlin"), 2026, 10);

        Assert.Equal(TimeSpan.FromHours(745), to - from);
    }

    [Fact]
    public void DecemberEndsAtTheNextNewYear()
    {
        var (_, to) = SlaMonth.Bounds(TimeZoneInfo.Utc, 2026, 12);

        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), to);
    }

    [Fact]
    public void AMonthWhoseMidnightIsSkippedStartsAtTheTransition()
    {
        // Casablanca sprang from 00:00 +00 to 01:00 +01 on 2008-06-01: the 1st began at 00:00 UTC.
        var (from, _) = SlaMonth.Bounds(Zone("Africa/Casablanca"), 2008, 6);

        Assert.Equal(new DateTimeOffset(2008, 6, 1, 0, 0, 0, TimeSpan.Zero), from);
        Assert.Equal(1, from.Hour);
    }

    [Fact]
    public void AMonthWhoseMidnightRepeatsStartsAtItsFirstOccurrence()
    {
        // Havana fell back from 01:00 CDT to 00:00 CST on 2015-11-01: the 1st began at 00:00 CDT (04:00 UTC).
        var (from, to) = SlaMonth.Bounds(Zone("America/Havana"), 2015, 11);

        Assert.Equal(new DateTimeOffset(2015, 11, 1, 4, 0, 0, TimeSpan.Zero), from);
        Assert.Equal(TimeSpan.FromHours((30 * 24) + 1), to - from);
    }

    [Fact]
    public void TheContainingMonthIsTheClientsLocalOne()
    {
        // 23:30 UTC on March 31 is already April 1 in Berlin.
        Assert.Equal((2026, 4), SlaMonth.Containing(Zone("Europe/Berlin"), new DateTimeOffset(2026, 3, 31, 23, 30, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData(2026, 0)]
    [InlineData(2026, 13)]
    [InlineData(1899, 1)]
    [InlineData(9999, 1)]
    public void AMonthOutsideTheCalendarIsRefused(int year, int month) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SlaMonth.Bounds(TimeZoneInfo.Utc, year, month));
}
