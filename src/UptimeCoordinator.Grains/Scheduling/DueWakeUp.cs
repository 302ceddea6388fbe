namespace UptimeCoordinator.Grains.Scheduling;

/// <summary>
/// Wakes a grain for work due at a time kept in its state (an incident's nudge or follow-up, a
/// client's SLA about to be missed): a grain timer for the exact time while the grain is active,
/// and a reminder registered for the same time as the durable wake-up, so that a restart or a silo
/// loss only delays the work until the reminder fires. The reminder keeps ticking every period
/// after its due time until the next <see cref="ArmAsync"/> moves it on or drops it, so the work
/// must be safe to run again.
/// </summary>
internal sealed class DueWakeUp(Grain grain, TimeProvider time, string reminderName, TimeSpan reminderPeriod, Func<Task> run)
{
    private IGrainTimer? _timer;
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

        var wait = at - time.GetUtcNow();
        wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        _timer = grain.RegisterGrainTimer(
            _ => run(),
            new GrainTimerCreationOptions { DueTime = wait, Period = Timeout.InfiniteTimeSpan, Interleave = false, KeepAlive = false });
        if (_reminderFor != at)
        {
            await grain.RegisterOrUpdateReminder(reminderName, wait, reminderPeriod);
            (_reminderFor, _reminderKnown) = (at, true);
        }
    }
}
