namespace UptimeCoordinator.Grains.Scheduling;

/// <summary>
/// Wakes a grain for work due at a time kept in its state (an incident's nudge or follow-up, a
/// client's SLA about to be missed): a grain timer for the exact time while the grain is active,
/// and a reminder registered for the same time as the durable wake-up, so that a restart or a silo
/// loss only delays the work until the reminder fires. The reminder keeps ticking every period
/// after its due time until the next <see cref="ArmAsync"/> moves it on or drops it, so the work
/// must be safe to run again, and must re-arm: work due further ahead than <see cref="LongestWait"/>
/// is woken early, at that horizon, and finds nothing due yet.
/// </summary>
internal sealed class DueWakeUp(Grain grain, TimeProvider time, string reminderName, TimeSpan reminderPeriod, Func<Task> run)
{
    /// <summary>
    /// Timers and reminders take due times below 2^32 ms (49.7 days); a maintenance window a quarter
    /// ahead failed to schedule (a 500, found by the hostile-input tests).
    /// </summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromDays(30);

    private IGrainTimer? _timer;
    // When the reminder fires: the work's time, or the horizon before it (which no work's time equals).
    private DateTimeOffset? _reminderFor;
    private bool _reminderKnown;

    public bool IsReminder(string name) => name == reminderName;

    /// <summary>Arms the timer and the reminder for <paramref name="due"/>, or drops both when nothing is due.</summary>
    public async Task ArmAsync(DateTimeOffset? due)
    {
        _timer?.Dispose();
        _timer = null;
        if (due is not { } at)
        {
            if (!_reminderKnown || _reminderFor is not null)
            {
                if (await grain.GetReminder(reminderName) is { } reminder)
                {
                    await grain.UnregisterReminder(reminder);
                }

                (_reminderFor, _reminderKnown) = (null, true);
            }

            return;
        }

        var now = time.GetUtcNow();
        var wait = at - now;
        wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        var horizon = wait > LongestWait;
        wait = horizon ? LongestWait : wait;
        _timer = grain.RegisterGrainTimer(
            _ => run(),
            new GrainTimerCreationOptions { DueTime = wait, Period = Timeout.InfiniteTimeSpan, Interleave = false, KeepAlive = false });

        // Woken at the horizon, the next arming moves the reminder on even though the work's time is the same.
        if (_reminderFor != at)
        {
            await grain.RegisterOrUpdateReminder(reminderName, wait, reminderPeriod);
            (_reminderFor, _reminderKnown) = (horizon ? now + wait : at, true);
        }
    }
}
