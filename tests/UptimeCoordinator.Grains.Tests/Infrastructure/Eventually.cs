namespace UptimeCoordinator.Grains.Tests.Infrastructure;

/// <summary>Waits, boundedly, for what grains do off the caller's turn (timers, hand-outs, fan-outs).</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultBound = TimeSpan.FromSeconds(15);

    public static async Task HoldsAsync(Func<Task<bool>> holds, string what, TimeSpan? within = null)
    {
        var bound = within ?? DefaultBound;
        var deadline = DateTime.UtcNow + bound;
        while (!await holds())
        {
            Assert.True(DateTime.UtcNow < deadline, $"waited {bound.TotalSeconds} s for {what}");
            await Task.Delay(20);
        }
    }
}
