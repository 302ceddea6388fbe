namespace UptimeCoordinator.Grains.Scheduling;

/// <summary>
/// Tries failed hand-on work again within seconds, on a grain timer, waiting twice as long after
/// each failure up to <see cref="LongestWait"/>. A reminder stays the durable wake-up (it survives
/// the activation), but its period is a minute: when a silo dies, the calls into it fail for the few
/// seconds membership takes to declare it dead, and people should not wait a minute more for that.
/// </summary>
internal sealed class RetrySoon(Grain grain, Func<Task> retry)
{
    public static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);

    private IGrainTimer? _timer;
    private int _failures;

    /// <summary>How long to wait after the <paramref name="failures"/>th failure in a row (counted from 1).</summary>
    public static TimeSpan WaitAfter(int failures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        var doublings = Math.Min(failures - 1, 30);
        var wait = FirstWait * (1L << doublings);
        return wait < LongestWait ? wait : LongestWait;
    }

    /// <summary>The work failed: runs it again after the next wait, replacing any retry already waiting.</summary>
    public void Failed()
    {
        _timer?.Dispose();
        _failures = _failures == int.MaxValue ? _failures : _failures + 1;
        _timer = grain.RegisterGrainTimer(
            async _ =>
            {
                _timer?.Dispose();
                _timer = null;
                await retry();
            },
            new GrainTimerCreationOptions { DueTime = WaitAfter(_failures), Period = Timeout.InfiniteTimeSpan, Interleave = false, KeepAlive = true });
    }

    /// <summary>The work went through: the next failure waits the shortest time again.</summary>
    public void Succeeded()
    {
        _timer?.Dispose();
        _timer = null;
        _failures = 0;
    }
}
