namespace UptimeCoordinator.Host.Tests.Http;

/// <summary>
/// Explicit observation times. The host runs on the real clock, so events carry times relative to
/// now, in whole seconds so that they compare equal after a trip through JSON.
/// </summary>
public static class TestTime
{
    public static DateTimeOffset Now
    {
        get
        {
            var now = DateTimeOffset.UtcNow;
            return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        }
    }

    public static DateTimeOffset MinutesAgo(double minutes) => Now.AddMinutes(-minutes);
}
