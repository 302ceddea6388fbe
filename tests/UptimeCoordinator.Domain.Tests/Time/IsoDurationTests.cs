using UptimeCoordinator.Domain.Time;

namespace UptimeCoordinator.Domain.Tests.Time;

public sealed class IsoDurationTests
{
    [Theory]
    [InlineData("PT15M", 0, 15, 0)]
    [InlineData("PT30M", 0, 30, 0)]
    [InlineData("P3D", 72, 0, 0)]
    [InlineData("PT1H", 1, 0, 0)]
    [InlineData("00:15:00", 0, 15, 0)]
    public void ParsesIsoDurationsAndTimeSpans(string text, int hours, int minutes, int seconds)
    {
        Assert.True(IsoDuration.TryParse(text, out var duration));
        Assert.Equal(new TimeSpan(hours, minutes, seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("fifteen minutes")]
    [InlineData("P")]
    public void RejectsWhatIsNotADuration(string text) => Assert.False(IsoDuration.TryParse(text, out _));

    [Fact]
    public void FormatsAsIso() => Assert.Equal("PT15M", IsoDuration.Format(TimeSpan.FromMinutes(15)));
}
