using Microsoft.Extensions.Logging;

namespace UptimeCoordinator.Grains.Scheduling;

/// <summary>
/// Hands a grain's persisted steps, oldest first, to whoever they reach. Runs in a turn of its own
/// after the one that persisted them, so the caller never waits for ten thousand clients; a reminder
/// is the durable wake-up while any is pending. A step that fails to reach someone stops the run,
/// because order matters to the people told, and it is tried again within seconds (<see cref="RetrySoon"/>)
/// and by the reminder; a repeat is harmless
/// because receivers find what they already planned.
/// </summary>
/// <param name="pending">The persisted list of steps still to hand out (read each time: the grain may replace its state).</param>
/// <param name="handOut">Hands one step out; returns how many receivers it failed to reach.</param>
/// <param name="save">Persists the state once a step has left the list.</param>
/// <param name="describe">Names a step in the log, such as "incident db-1 bulletin 3".</param>
internal sealed partial class OrderedHandOut<T>(
    Grain grain,
    string reminderName,
    Func<List<T>> pending,
    Func<T, Task<int>> handOut,
    Func<Task> save,
    Func<T, string> describe,
    ILogger logger)
{
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private IGrainTimer? _kick;
    private bool _running;
    private RetrySoon? _retry;

    private RetrySoon Retry => _retry ??= new RetrySoon(grain, RunAsync);

    public bool IsReminder(string name) => name == reminderName;

    /// <summary>Registers the reminder; call it before the write that adds a step.</summary>
    public Task ArmAsync() => grain.RegisterOrUpdateReminder(reminderName, ReminderPeriod, ReminderPeriod);

    /// <summary>Runs <see cref="RunAsync"/> in a turn of its own, as soon as the current one ends.</summary>
    public void Kick()
    {
        _kick?.Dispose();
        _kick = grain.RegisterGrainTimer(
            async _ =>
            {
                _kick?.Dispose();
                _kick = null;
                await RunAsync();
            },
            new GrainTimerCreationOptions { DueTime = TimeSpan.Zero, Period = Timeout.InfiniteTimeSpan, Interleave = false, KeepAlive = true });
    }

    /// <summary>Hands out whatever is pending. Never throws: what fails stays pending for the retry and the reminder.</summary>
    public async Task RunAsync()
    {
        if (_running)
        {
            return;
        }

        _running = true;
        try
        {
            while (pending().Count > 0)
            {
                var step = pending()[0];
                var failed = await handOut(step);
                if (failed > 0)
                {
                    LogHandOutFailed(describe(step), failed);
                    Retry.Failed();
                    return;
                }

                pending().RemoveAt(0);
                await save();
            }

            _retry?.Succeeded();
            if (await grain.GetReminder(reminderName) is { } reminder)
            {
                await grain.UnregisterReminder(reminder);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogHandOutError(ex, grain.GetGrainId().ToString(), pending().Count);
            Retry.Failed();
        }
        finally
        {
            _running = false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Step} could not reach {Failed} receiver(s); will retry")]
    private partial void LogHandOutFailed(string step, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Grain}: handing out {Count} step(s) failed; will retry")]
    private partial void LogHandOutError(Exception ex, string grain, int count);
}
