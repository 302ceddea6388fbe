using Microsoft.Extensions.Logging;
using UptimeCoordinator.Contracts.Incidents;
using UptimeCoordinator.Contracts.Subscriptions;
using UptimeCoordinator.Domain.Observability;
using UptimeCoordinator.Grains.Scheduling;

namespace UptimeCoordinator.Grains.Services;

/// <summary>
/// Hands a service's persisted transitions on: first to their incident, then to the service's
/// subscription index for the fan-out to clients. Each stays in state, with a reminder as the
/// durable wake-up, until its receiver has it, so a silo that dies midway only causes a repeat,
/// which the incident and the clients ignore. A failed hand-over is also tried again within seconds
/// (<see cref="RetrySoon"/>), so an incident whose service already names it is readable soon.
/// </summary>
internal sealed partial class TransitionHandOver(Grain grain, IGrainFactory grains, IPersistentState<ServiceState> state, TimeProvider time, ILogger logger)
{
    private const string ReminderName = "hand-over-transitions";
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    /// <summary>How long an overrun's transition may wait for its window's completion notices.</summary>
    public static readonly TimeSpan HoldLimit = TimeSpan.FromMinutes(2);

    private RetrySoon? _retry;

    private string Id => grain.GetPrimaryKeyString();

    private RetrySoon Retry => _retry ??= new RetrySoon(grain, RunAsync);

    private ServiceState State => state.State;

    public static bool IsReminder(string reminderName) => reminderName == ReminderName;

    /// <summary>Registers the reminder; call it before the write that adds a transition.</summary>
    public Task ArmAsync() => grain.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);

    /// <summary>
    /// Hands over whatever is pending. Never throws: what fails stays pending for the reminder or
    /// the next activation.
    /// </summary>
    public async Task RunAsync()
    {
        if (!State.HasHandOversPending)
        {
            _retry?.Succeeded();
            await DisarmAsync();
            return;
        }

        try
        {
            if (State.PendingTransitions.Count > 0 && !IsHeld)
            {
                while (State.PendingTransitions.Count > 0)
                {
                    var transition = State.PendingTransitions[0];
                    await grains.GetGrain<IIncidentGrain>(transition.IncidentId)
                        .ApplyServiceTransitionAsync(ServiceTransitionMessage.Of(transition));
                    State.PendingTransitions.RemoveAt(0);
                    State.PendingFanOuts.Add(transition);
                }

                await state.WriteStateAsync();
            }

            // The index only queues; it reports each one done through FanOutCompletedAsync, which drops it here.
            var index = grains.GetGrain<ISubscriptionIndexGrain>(Id);
            var name = State.Definition?.Name ?? Id;
            foreach (var transition in State.PendingFanOuts)
            {
                await index.FanOutAsync(new FanOutRequest(ServiceTransitionMessage.Of(transition), name, UptimeTracing.CurrentParent));
            }

            _retry?.Succeeded();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogHandOverFailed(ex, Id, State.PendingTransitions.Count + State.PendingFanOuts.Count);
            Retry.Failed();
        }
    }

    private bool IsHeld => State.HeldForWindow is { } held && time.GetUtcNow() - held.Since < HoldLimit;

    /// <summary>The index has told every client about the transitions up to <paramref name="sequence"/>.</summary>
    public async Task FanOutCompletedAsync(long sequence)
    {
        if (State.PendingFanOuts.RemoveAll(t => t.Change.Sequence <= sequence) == 0)
        {
            return;
        }

        await state.WriteOrDiscardAsync(grain);
        if (!State.HasHandOversPending)
        {
            await DisarmAsync();
        }
    }

    private async Task DisarmAsync()
    {
        if (await grain.GetReminder(ReminderName) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Service {ServiceId}: handing {Count} status change(s) to incidents or clients failed; will retry")]
    private partial void LogHandOverFailed(Exception ex, string serviceId, int count);
}
