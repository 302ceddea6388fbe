using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace UptimeCoordinator.Delivery.Dispatching;

/// <summary>
/// The silo's delivery workers. <see cref="Dispatch"/> only queues, so a grain never waits for a
/// send. Each job runs on its own from then on; <see cref="DeliveryOptions.Concurrency"/> bounds the
/// sends in flight rather than the jobs, so notices waiting to retry a dead endpoint cannot starve
/// the others.
/// </summary>
internal sealed class NoticeDispatcher(NoticeSender sender, OutcomeReporter reporter, ILogger<NoticeDispatcher> logger)
    : BackgroundService, INoticeDispatcher
{
    // Unbounded because Dispatch must not block a grain; the outbox, not this queue, is the record.
    private readonly Channel<DeliveryJob> _queue = Channel.CreateUnbounded<DeliveryJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, DeliveryJob> _jobs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<DeliveryJob, Task> _running = new();

    public void Dispatch(NoticeDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentException.ThrowIfNullOrEmpty(delivery.NoticeId, nameof(delivery));
        var job = new DeliveryJob(delivery);
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                if (!job.IsWithdrawn)
                {
                    Start(job, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: queued jobs stay pending in their outboxes and are handed over after the restart.
        }
        finally
        {
            _queue.Writer.TryComplete();
        }

        await Task.WhenAll(_running.Values);
    }

    private void Start(DeliveryJob job, CancellationToken stoppingToken)
    {
        var run = Task.Run(() => RunAsync(job, stoppingToken), CancellationToken.None);
        _running[job] = run;
        // A continuation, not a finally inside the run: it cannot fire before the run was recorded.
        run.ContinueWith((_, state) => _running.TryRemove((DeliveryJob)state!, out Task? _), job,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task RunAsync(DeliveryJob job, CancellationToken stoppingToken)
    {
        try
        {
            if (await sender.SendAsync(job, stoppingToken) is { } outcome)
            {
                DeliveryMetrics.Record(job.Delivery, outcome);
                await reporter.ReportAsync(job.Delivery.ClientId, outcome, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping mid-send: the outbox hands the notice over again, under the same id.
        }
        catch (Exception exception)
        {
            // Nothing else is awaiting this task; the notice stays pending in its outbox.
            logger.Unexpected(job.NoticeId, job.Delivery.Channel, "dispatcher", exception);
        }
        finally
        {
            // Only now may the same id be dispatched again: its outcome is reported, or it never will be.
            Forget(job);
        }
    }

    private void Forget(DeliveryJob job) => _jobs.TryRemove(new KeyValuePair<string, DeliveryJob>(job.NoticeId, job));
}
