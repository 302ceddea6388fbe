using System.Diagnostics;
using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Domain.Observability;
using Microsoft.Extensions.Options;

namespace UptimeCoordinator.Delivery.Dispatching;

/// <summary>
/// The silo's delivery workers. <see cref="Dispatch"/> only queues, so a grain never waits for a
/// send. Each job runs on its own from then on; <see cref="DeliveryOptions.Concurrency"/> bounds the
/// sends in flight rather than the jobs, so notices waiting to retry a dead endpoint cannot starve
/// the others.
/// </summary>
/// <remarks>
/// Stopping drains: no job begins an attempt any more, jobs not yet attempting (queued, waiting for a
/// send slot or for a retry) are left pending in their outboxes for the next host, and the attempts in
/// flight finish and report their outcomes, for up to <see cref="DeliveryOptions.DrainTimeout"/>; then
/// what still runs is cancelled. The outboxes live in grains, so the host must stop this service
/// before the silo.
/// </remarks>
internal sealed class NoticeDispatcher(
    NoticeSender sender,
    OutcomeReporter reporter,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<NoticeDispatcher> logger) : IHostedService, INoticeDispatcher
{
    // Unbounded because Dispatch must not block a grain; the outbox, not this queue, is the record.
    private readonly Channel<DeliveryJob> _queue = Channel.CreateUnbounded<DeliveryJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, DeliveryJob> _jobs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<DeliveryJob, Task<bool>> _running = new();
    // Never disposed, like a job's: no timers or links, and a late Dispatch or run may still read them.
    // Stopping: no job begins an attempt. Cut off: the drain ran out, what still runs is cancelled.
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _cutOff = new();
    private Task _reading = Task.CompletedTask;
    private Task? _stopped;

    public void Dispatch(NoticeDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentException.ThrowIfNullOrEmpty(delivery.NoticeId, nameof(delivery));
        var job = new DeliveryJob(delivery, _stopping.Token);
        if (!_jobs.TryAdd(delivery.NoticeId, job))
        {
            logger.DuplicateIgnored(delivery.NoticeId);
            return;
        }

        if (!_queue.Writer.TryWrite(job))
        {
            Forget(job);
            logger.NotQueued(delivery.NoticeId);
        }
    }

    public bool TryWithdraw(string noticeId)
    {
        if (!_jobs.TryGetValue(noticeId, out var job) || !job.TryWithdraw())
        {
            return false;
        }

        Forget(job);
        logger.Withdrawn(noticeId);
        return true;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _reading = Task.Run(() => ReadAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Drains once; a host stopped a second time waits for the same drain.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => _stopped ??= DrainAsync(cancellationToken);

    private async Task ReadAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                if (stoppingToken.IsCancellationRequested)
                {
                    break;
                }

                if (!job.IsReleased)
                {
                    Start(job);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued stays pending in its outbox and is handed over after the restart.
        }
    }

    /// <param name="cancellationToken">The host's shutdown timeout: past it, nothing is waited for.</param>
    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        _queue.Writer.TryComplete();
        await _reading;

        var jobs = _jobs.Values.ToArray();
        foreach (var job in jobs)
        {
            job.TryAbandon();
        }

        var running = _running.ToArray();
        var drainTimeout = options.Value.DrainTimeoutTime;
        if (running.Count(r => !r.Key.IsAbandoned) is > 0 and var inFlight)
        {
            logger.Draining(inFlight, options.Value.DrainTimeout);
        }

        var all = Task.WhenAll(running.Select(r => r.Value));
        DeliveryJob[] unfinished = [];
        try
        {
            await all.WaitAsync(drainTimeout, time, cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            unfinished = [.. running.Where(r => !r.Value.IsCompleted).Select(r => r.Key)];
            await _cutOff.CancelAsync();
            try
            {
                // Cancelled sends and reports end at once; the wait only collects them.
                await all.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Past the host's shutdown timeout: the process is about to end anyway.
            }
        }

        logger.Drained(
            running.Count(r => r.Value.IsCompletedSuccessfully && r.Value.Result),
            unfinished.Count(job => !job.IsAbandoned),
            options.Value.DrainTimeout,
            jobs.Count(job => job.IsAbandoned));
    }

    private void Start(DeliveryJob job)
    {
        var run = Task.Run(() => RunAsync(job), CancellationToken.None);
        _running[job] = run;
        // A continuation, not a finally inside the run: it cannot fire before the run was recorded.
        run.ContinueWith((_, state) => _running.TryRemove((DeliveryJob)state!, out Task<bool>? _), job,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>True when an outcome reached the outbox.</summary>
    private async Task<bool> RunAsync(DeliveryJob job)
    {
        var cutOff = _cutOff.Token;

        // The send runs off the grain's turn; this span carries on the trace that planned the notice.
        using var activity = UptimeTracing.Continue($"deliver {job.Delivery.Kind.WireName()}", job.Delivery.TraceParent, ActivityKind.Producer);
        activity?.SetTag("uptime.notice_id", job.NoticeId);
        try
        {
            if (await sender.SendAsync(job, cutOff) is not { } outcome)
            {
                return false;
            }

            DeliveryMetrics.Record(job.Delivery, outcome);
            return await reporter.ReportAsync(job.Delivery.ClientId, outcome, cutOff);
        }
        catch (OperationCanceledException) when (cutOff.IsCancellationRequested)
        {
            // Cut off mid-send or mid-report: the outbox hands the notice over again, under the same id.
            return false;
        }
        catch (Exception exception)
        {
            // Nothing else is awaiting this task; the notice stays pending in its outbox.
            logger.Unexpected(job.NoticeId, job.Delivery.Channel, "dispatcher", exception);
            return false;
        }
        finally
        {
            // Only now may the same id be dispatched again: its outcome is reported, or it never will be.
            Forget(job);
        }
    }

    private void Forget(DeliveryJob job) => _jobs.TryRemove(new KeyValuePair<string, DeliveryJob>(job.NoticeId, job));
}
