namespace UptimeCoordinator.Delivery.Tests.Support;

/// <summary>Bounded polling for what happens on the dispatcher's own time.</summary>
internal static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public static async Task HoldsAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Still not true after {Patience.TotalSeconds} s: {what}");
            }

            await Task.Delay(10);
        }
    }

    public static async Task<T> ReturnsAsync<T>(Func<T?> probe, string what)
        where T : class
    {
        T? value = null;
        await HoldsAsync(() => (value = probe()) is not null, what);
        return value!;
    }
}
