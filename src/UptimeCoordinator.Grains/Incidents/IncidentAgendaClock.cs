namespace UptimeCoordinator.Grains.Incidents;

/// <summary>
/// Wakes an incident for its next scheduled step (nudge, follow-up, survey): a grain timer for the
/// exact time while the grain is active, and a reminder, the durable wake-up, registered for the
/// same time so that a restart or a silo loss only delays the step until the reminder fires.
/// </summary>
internal sealed class IncidentAgendaClock(Grain grain, TimeProvider time, Func<DateTimeOffset?> nextDue, Func<Task> runDue)
{
    private const string ReminderName = "incident-agenda";
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private IGrainTimer? _timer;
    private DateTimeOffset? _reminderFor;
    private bool _reminderKnown;

    public static bool IsReminder(string reminderName) => reminderName == ReminderName;

    /// <summary>Arms the timer and the reminder for the next step, or drops both when none is due.</summary>
    public async Task SyncAsync()
    {
        var next = nextDue();
        _timer?.Dispose();
        _timer = null;
        if (next is not { } due)
        {
            if (!_reminderKnown || _reminderFor is not null)
            {
                if (await grain.GetReminder(ReminderName) is { } reminder)
                {
                    await grain.UnregisterReminder(reminder);
                }

                (_reminderFor, _reminderKnown) = (null, true);
            }

            return;
        }

        var wait = due - time.GetUtcNow();
        wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        _timer = grain.RegisterGrainTimer(
            _ => runDue(),
            new GrainTimerCreationOptions { DueTime = wait, Period = Timeout.InfiniteTimeSpan, Interleave = false, KeepAlive = false });

        // The reminder keeps ticking every period after its due time until the next sync moves it on.
        if (_reminderFor != due)
        {
            await grain.RegisterOrUpdateReminder(ReminderName, wait, ReminderPeriod);
            (_reminderFor, _reminderKnown) = (due, true);
        }
    }
}
