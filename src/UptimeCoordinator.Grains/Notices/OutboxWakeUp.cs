using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Grains.Notices;

/// <summary>
/// Wakes a client's outbox: a reminder, the durable wake-up, while anything is pending (a silo may
/// die with notices in flight), and a grain timer for the exact end of a contact's quiet hours.
/// </summary>
internal sealed class OutboxWakeUp(Grain grain, OutboxDispatch dispatch, TimeProvider time, Func<(ClientDefinition? Client, NoticeOutbox Outbox)> current)
{
    private const string ReminderName = "outbox";
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private bool? _reminderOn;
    private IGrainTimer? _heldTimer;

    public OutboxDispatch Dispatch => dispatch;

    /// <summary>
    /// On activation, and on every tick: hand over whatever is due, then keep the reminder only while
    /// needed. An activation with nothing pending skips the reminder table: should a stale reminder
    /// remain, its next tick finds nothing pending and removes it.
    /// </summary>
    public async Task TickAsync(bool fromReminder)
    {
        DispatchDue();
        if (fromReminder)
        {
            _reminderOn = true;
        }

        if (fromReminder || current().Outbox.Pending.Any())
        {
            await SyncReminderAsync();
        }
    }

    /// <summary>Hands over what is due and arms the timer for the next notice held by quiet hours.</summary>
    public void DispatchDue()
    {
        var (client, outbox) = current();
        if (client is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        dispatch.DispatchDue(client, outbox, now);
        _heldTimer?.Dispose();
        _heldTimer = null;
        if (outbox.NextHeldAfter(now) is { } next)
        {
            _heldTimer = grain.RegisterGrainTimer(
                _ => TickAsync(fromReminder: false),
                new GrainTimerCreationOptions { DueTime = next - now, Period = Timeout.InfiniteTimeSpan, Interleave = false, KeepAlive = false });
        }
    }

    /// <summary>Registers the reminder when something is pending and drops it when nothing is.</summary>
    public async Task SyncReminderAsync()
    {
        if (current().Outbox.Pending.Any())
        {
            if (_reminderOn != true)
            {
                await grain.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);
                _reminderOn = true;
            }
        }
        else if (_reminderOn != false)
        {
            if (await grain.GetReminder(ReminderName) is { } reminder)
            {
                await grain.UnregisterReminder(reminder);
            }

            _reminderOn = false;
        }
    }
}
