namespace UptimeCoordinator.Host.Tests.Costs;

/// <summary>
/// The host's clock as a test sets it: <see cref="GetUtcNow"/> answers an instant the test moves,
/// and nothing else is overridden. Timers, delays and timestamps keep the base class's real-time
/// behaviour, because Orleans and the delivery pipeline take their timers from the same
/// <see cref="TimeProvider"/>: a clock whose timers waited for the test (FakeTimeProvider) would
/// freeze the silo.
/// </summary>
/// <remarks>
/// The clock only moves forward. Orleans' activation collector schedules by this clock's now and
/// refuses a collection time before one it has already passed ("The earliest collection that can be
/// scheduled from now is for …"), so a clock set back makes every new grain activation fail. A jump
/// forward only makes the silo's self-monitoring note that its timers fired late.
/// </remarks>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    /// <summary>Moves the clock to <paramref name="instant"/>, which must not be before its now.</summary>
    public void MoveTo(DateTimeOffset instant)
    {
        var now = GetUtcNow();
        if (instant < now)
        {
            throw new InvalidOperationException($"The host's clock only moves forward: it reads {now:O}, so it cannot be set to {instant:O}.");
        }

        Interlocked.Exchange(ref _utcTicks, instant.UtcTicks);
    }
}
