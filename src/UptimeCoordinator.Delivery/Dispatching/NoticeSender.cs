using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Delivery.Dispatching;

/// <summary>Takes one job through its channel and its endpoint's pipeline, and says how it ended.</summary>
internal sealed class NoticeSender(
    IEnumerable<IDeliveryChannel> channels,
    DeliveryPipelines pipelines,
    TimeProvider time,
    ILogger<NoticeSender> logger)
{
    private readonly Dictionary<NoticeChannel, IDeliveryChannel> _channels = channels.ToDictionary(c => c.Channel);

    /// <summary>
    /// The outcome to report, or null when there is none: the job was withdrawn, abandoned by a stopping
    /// dispatcher, or cut off by <paramref name="cutOffToken"/> (the drain of a stopping host ran out).
    /// </summary>
    public async Task<DeliveryOutcome?> SendAsync(DeliveryJob job, CancellationToken cutOffToken)
    {
        var delivery = job.Delivery;
        if (!_channels.TryGetValue(delivery.Channel, out var channel))
        {
            return Finish(job, DeliveryResult.Failed, $"no delivery channel for '{delivery.Channel}'", "none");
        }

        if (channel.Unconfigured is { } reason)
        {
            return Finish(job, DeliveryResult.Deferred, reason, "none");
        }

        var endpoint = channel.EndpointOf(delivery);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(job.ReleaseToken, cutOffToken);
        var context = ResilienceContextPool.Shared.Get(cancellation.Token);
        Outcome<AttemptResult> outcome;
        try
        {
            context.Properties.Set(DeliveryPipelines.JobKey, job);
            outcome = await pipelines.For(endpoint).ExecuteOutcomeAsync(AttemptAsync, context, (job, channel));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (cutOffToken.IsCancellationRequested)
        {
            // The outbox still holds the notice as pending and hands it over again after the restart.
            return null;
        }

        return outcome switch
        {
            { Result.Status: AttemptStatus.Sent } => Finish(job, DeliveryResult.Sent, null, endpoint),
            { Result: { } failed } => Finish(job, DeliveryResult.Failed, failed.Error, endpoint),
            { Exception: BrokenCircuitException } when job.LastAttemptError is { } last =>
                Finish(job, DeliveryResult.Failed, $"{last}; then the circuit for {endpoint} opened", endpoint),
            { Exception: BrokenCircuitException or TimeoutRejectedException or OperationCanceledException } =>
                Finish(job, DeliveryResult.Failed, pipelines.Describe(outcome, endpoint), endpoint),
            _ => Unexpected(job, endpoint, outcome.Exception),
        };
    }

    private static async ValueTask<Outcome<AttemptResult>> AttemptAsync(
        ResilienceContext context, (DeliveryJob Job, IDeliveryChannel Channel) state)
    {
        if (!state.Job.TryBeginAttempt())
        {
            return Outcome.FromException<AttemptResult>(new OperationCanceledException(context.CancellationToken));
        }

        try
        {
            return Outcome.FromResult(await state.Channel.SendAsync(state.Job.Delivery, context.CancellationToken));
        }
        catch (Exception exception)
        {
            // Polly expects failures of an outcome callback as outcomes, not as thrown exceptions.
            return Outcome.FromException<AttemptResult>(exception);
        }
    }

    private DeliveryOutcome? Unexpected(DeliveryJob job, string endpoint, Exception? exception)
    {
        // A bug, not a network failure: it is not retried, and the stack trace goes to the log only.
        logger.Unexpected(job.NoticeId, job.Delivery.Channel, endpoint, exception ?? new InvalidOperationException("no outcome"));
        return Finish(job, DeliveryResult.Failed, $"unexpected {exception?.GetType().Name ?? "outcome"}", endpoint);
    }

    private DeliveryOutcome? Finish(DeliveryJob job, DeliveryResult result, string? error, string endpoint)
    {
        if (!job.TryFinish())
        {
            if (job.IsAbandoned)
            {
                logger.LeftPending(job.NoticeId);
            }
            else
            {
                logger.Withdrawn(job.NoticeId);
            }

            return null;
        }

        var channel = job.Delivery.Channel;
        switch (result)
        {
            case DeliveryResult.Sent:
                logger.Sent(job.NoticeId, channel, endpoint, job.Attempts);
                break;
            case DeliveryResult.Deferred:
                logger.Deferred(job.NoticeId, channel, error ?? "");
                break;
            default:
                logger.Failed(job.NoticeId, channel, endpoint, job.Attempts, error ?? "");
                break;
        }

        return new DeliveryOutcome(job.NoticeId, result, job.Attempts, error, time.GetUtcNow());
    }
}
