using UptimeCoordinator.Grains.Scheduling;

namespace UptimeCoordinator.Grains.Tests.Scheduling;

public sealed class RetrySoonTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(5, 16)]
    [InlineData(6, 30)]
    [InlineData(7, 30)]
    [InlineData(64, 30)]
    [InlineData(int.MaxValue, 30)]
    public void TheWaitDoublesAfterEachFailureUpToHalfAMinute(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetrySoon.WaitAfter(failures));

    [Fact]
    public void TheLongestWaitIsShorterThanTheReminderPeriod() =>
        Assert.True(RetrySoon.LongestWait < TimeSpan.FromMinutes(1), "a retry that waits as long as the reminder adds nothing");

    [Fact]
    public void ThereIsNoWaitBeforeTheFirstFailure() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RetrySoon.WaitAfter(0));
}
