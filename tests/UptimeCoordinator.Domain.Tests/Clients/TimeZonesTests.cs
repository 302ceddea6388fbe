using UptimeCoordinator.Domain.Clients;

namespace UptimeCoordinator.Domain.Tests.Clients;

public sealed class TimeZonesTests
{
    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("Asia/Kathmandu")]
    [InlineData("UTC")]
    public void AnIanaIdIsFoundAndFoundAgainTheSame(string id)
    {
        Assert.True(TimeZones.TryFind(id, out var first));
        Assert.True(TimeZones.TryFind(id, out var second));

        Assert.Equal(id, first.Id);
        Assert.Same(first, second);
    }

    [Theory]
    [InlineData("W. Europe Standard Time")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("europe/berlin ")]
    [InlineData("")]
    [InlineData(null)]
    public void AnythingButAnIanaIdIsRefusedEvenAfterItsZoneWasFound(string? id)
    {
        Assert.True(TimeZones.TryFind("Europe/Berlin", out _));

        Assert.False(TimeZones.TryFind(id, out var zone));
        Assert.Same(TimeZoneInfo.Utc, zone);
    }

    [Fact]
    public void FindFallsBackToUtcForAnIdThatNoLongerNamesAZone() =>
        Assert.Same(TimeZoneInfo.Utc, TimeZones.Find("Atlantis/Capital"));
}
