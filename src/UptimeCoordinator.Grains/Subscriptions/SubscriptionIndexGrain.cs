using Microsoft.Extensions.Logging;
using UptimeCoordinator.Contracts.Services;
using UptimeCoordinator.Contracts.Subscriptions;
using UptimeCoordinator.Grains.Scheduling;

namespace UptimeCoordinator.Grains.Subscriptions;

/// <summary>
/// The clients of one service, and the fan-out of that service's transitions. Fan-out runs in an
/// interleaved timer, off the caller's turn, and keeps nothing in storage: the service grain holds
/// each transition, with a reminder, until this index reports it done, so a silo that dies
/// mid-fan-out only costs a repeat that the clients ignore.
/// </summary>
[GrainType("subscription-index")]
public sealed partial class SubscriptionIndexGrain(
    [PersistentState("subscribers")] IPersistentState<SubscriptionIndexState> state,
    ILogger<SubscriptionIndexGrain> logger) : Grain, ISubscriptionIndexGrain
{
    private const int MaxRemembered = 1000;

    private readonly Queue<FanOutRequest> _queue = new();
    private readonly HashSet<long> _queued = [];

    // Fan-outs finished in this activation, by incident and step. The service grain hands every
    // unreported transition over again with its next one; these need only their report repeated.
    private readonly HashSet<string> _done = new(StringComparer.Ordinal);
    private IGrainTimer? _drain;
    private int _failures;

    private string Id => this.GetPrimaryKeyString();

    public async Task SubscribeAsync(string clientId)
    {
        if (state.State.Clients.Add(clientId))
        {
            await state.WriteOrDiscardAsync(this);
        }
    }

    public async Task UnsubscribeAsync(string clientId)
    {
        if (state.State.Clients.Remove(clientId))
        {
            await state.WriteOrDiscardAsync(this);
        }
    }

    public Task<string[]> GetSubscribersAsync() => Task.FromResult(state.State.Clients.ToArray());

    public Task FanOutAsync(FanOutRequest request)
    {
        if (_queued.Add(request.Transition.Sequence))
        {
            _queue.Enqueue(request);
            _drain ??= StartDrain(TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    // The one drain: while it runs or waits to retry, requests only join the queue, so no two drains ever take the same head.
    private IGrainTimer StartDrain(TimeSpan after) => this.RegisterGrainTimer(
        DrainAsync,
        new GrainTimerCreationOptions { DueTime = after, Period = Timeout.InfiniteTimeSpan, Interleave = true, KeepAlive = true });

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        TimeSpan? retryAfter = null;
        try
        {
            while (_queue.TryPeek(out var request))
            {
                var key = $"{request.Transition.IncidentId}#{request.Transition.Sequence}";
                var failed = _done.Contains(key) ? 0 : await ImpactFanOut.RunAsync(GrainFactory, Id, request, state.State.Clients);
                if (failed > 0)
                {
                    // Order matters to clients, so nothing later goes out first: the same transition is tried again soon.
                    LogFanOutFailed(Id, request.Transition.Sequence, failed);
                    retryAfter = RetrySoon.WaitAfter(++_failures);
                    return;
                }

                _failures = 0;
                _queue.Dequeue();
                _queued.Remove(request.Transition.Sequence);
                if (_done.Count >= MaxRemembered)
                {
                    _done.Clear();
                }

                _done.Add(key);
                await ReportDoneAsync(request.Transition.Sequence);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Finding who is reached failed (the catalogue or a dependent's grain did not answer). Left in
            // the queue, the transition would be stuck: the service grain's hand-overs of it are taken as queued.
            LogFanOutError(ex, Id, _queue.Count);
            retryAfter = RetrySoon.WaitAfter(++_failures);
        }
        finally
        {
            _drain?.Dispose();
            _drain = retryAfter is { } wait ? StartDrain(wait) : null;
        }
    }

    private async Task ReportDoneAsync(long sequence)
    {
        try
        {
            await GrainFactory.GetGrain<IServiceGrain>(Id).FanOutCompletedAsync(sequence);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The service grain keeps the transition and hands it over again; clients ignore the repeat.
            LogReportFailed(ex, Id, sequence);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Service {ServiceId}: fan-out of change {Sequence} failed for {Failed} client(s); will retry")]
    private partial void LogFanOutFailed(string serviceId, long sequence, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Service {ServiceId}: fan-out of {Count} change(s) failed; will retry")]
    private partial void LogFanOutError(Exception ex, string serviceId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Service {ServiceId}: reporting fan-out of change {Sequence} done failed")]
    private partial void LogReportFailed(Exception ex, string serviceId, long sequence);
}
