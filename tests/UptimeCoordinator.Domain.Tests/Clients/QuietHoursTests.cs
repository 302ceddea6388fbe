using CsCheck;
using UptimeCoordinator.Domain.Clients;

namespace UptimeCoordinator.Domain.Tests.Clients;

public sealed class QuietHoursTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly QuietHours Night = new(new TimeOnly(22, 0), new TimeOnly(7, 0));

    [Theory]
    [InlineData("2026-01-15T21:30:00Z", "2026-01-16T06:00:00Z")] // 22:30 local: held to 07:00 next day
    [InlineData("2026-01-16T02:00:00Z", "2026-01-16T06:00:00Z")] // 03:00 local: held to 07:00 the same day
    [InlineData("2026-01-15T12:00:00Z", "2026-01-15T12:00:00Z")] // 13:00 local: not quiet
    [InlineData("2026-07-15T21:30:00Z", "2026-07-16T05:00:00Z")] // summer: 23:30 local, 07:00 is UTC+2
    public void ReleaseIsTheEndOfTheQuietHoursInTheLocalZone(string at, string released) =>
        Assert.Equal(DateTimeOffset.Parse(released, null), Night.Release(DateTimeOffset.Parse(at, null), Berlin));

    [Fact]
    public void AQuietSpanWithinOneDayEndsTheSameDay()
    {
        var lunch = new QuietHours(new TimeOnly(12, 0), new TimeOnly(13, 0));

        Assert.Equal(DateTimeOffset.Parse("2026-01-15T12:00:00Z", null), lunch.Release(DateTimeOffset.Parse("2026-01-15T11:30:00Z", null), Berlin));
    }

    [Fact]
    public void AnEndInsideTheSpringForwardGapIsReleasedAtTheFirstRealMinuteAfterIt()
    {
        // 29 March 2026: Berlin clocks jump from 02:00 to 03:00, so 02:30 never happens.
        var quiet = new QuietHours(new TimeOnly(1, 0), new TimeOnly(2, 30));

        var released = quiet.Release(DateTimeOffset.Parse("2026-03-29T00:15:00Z", null), Berlin);

        Assert.Equal(DateTimeOffset.Parse("2026-03-29T01:00:00Z", null), released);
    }

    [Fact]
    public void EqualStartAndEndMeanNoQuietHours() =>
        Assert.Equal(DateTimeOffset.Parse("2026-01-15T21:30:00Z", null),
            new QuietHours(new TimeOnly(9, 0), new TimeOnly(9, 0)).Release(DateTimeOffset.Parse("2026-01-15T21:30:00Z", null), Berlin));

    [Fact]
    public void ReleaseIsNeverEarlierNeverInsideTheQuietHoursAndWithinADay()
    {
        var gen = Gen.Select(Gen.Int[0, 23], Gen.Int[0, 59], Gen.Int[0, 23], Gen.Int[0, 59], Gen.Long[0, 365L * 24 * 60 * 3]);
        gen.Sample((startH, startM, endH, endM, minutes) =>
        {
            var quiet = new QuietHours(new TimeOnly(startH, startM), new TimeOnly(endH, endM));
            var at = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(minutes);

            var released = quiet.Release(at, Berlin);

            var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(released, Berlin).DateTime);
            return released >= at
                && released - at <= TimeSpan.FromHours(25)
                && (quiet.Start == quiet.End || !quiet.Contains(local) || released == at);
        });
    }
}
