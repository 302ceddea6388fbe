using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;
using Polly.Timeout;

namespace UptimeCoordinator.Delivery.Dispatching;

/// <summary>
/// One resilience pipeline per endpoint, so a dead receiver trips only its own circuit. From the
/// outside in: retry with jittered exponential backoff, the endpoint's circuit breaker, a send slot
/// shared by the whole silo, and the timeout of one attempt. The slot sits inside the retry so that
/// waiting between attempts holds no slot, and outside the timeout so that queueing for one is not
/// counted against the attempt.
/// </summary>
internal sealed class DeliveryPipelines : IDisposable
{
    /// <summary>Carries the job through the pipeline, so that a retry can mark it withdrawable.</summary>
    public static readonly ResiliencePropertyKey<DeliveryJob> JobKey = new("UptimeCoordinator.Delivery.Job");

    // Notices to one endpoint are few, so Polly's default of 100 calls per window would never trip.
    private const int BreakerMinimumThroughput = 5;
    private const double BreakerFailureRatio = 0.5;
    private static readonly TimeSpan BreakerSamplingDuration = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(5);

    private readonly DeliveryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DeliveryPipelines> _logger;
    private readonly ResiliencePipelineRegistry<string> _registry = new();
    private readonly ConcurrencyLimiter _sendSlots;

    public DeliveryPipelines(IOptions<DeliveryOptions> options, TimeProvider time, ILogger<DeliveryPipelines> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
        _sendSlots = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = _options.Concurrency,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    public TimeSpan AttemptTimeout => _options.AttemptTimeoutTime;

    public ResiliencePipeline<AttemptResult> For(string endpoint) =>
        _registry.GetOrAddPipeline<AttemptResult>(endpoint, (builder, context) => Configure(builder, context.PipelineKey));

    /// <summary>The caller-readable text of one failed attempt's outcome.</summary>
    public string Describe(Outcome<AttemptResult> outcome, string endpoint) => outcome switch
    {
        { Result: { } result } => result.Error ?? "failed",
        { Exception: TimeoutRejectedException } => $"no answer within {AttemptTimeout.TotalSeconds:0.###} s",
        { Exception: BrokenCircuitException } => $"circuit open for {endpoint} after repeated failures",
        { Exception: OperationCanceledException } => "cancelled",
        { Exception: { } exception } => $"unexpected {exception.GetType().Name}",
        _ => "failed",
    };

    public void Dispose()
    {
        _registry.Dispose();
        _sendSlots.Dispose();
    }

    private static bool CountsAgainstEndpoint(Outcome<AttemptResult> outcome) =>
        outcome.Result?.Status == AttemptStatus.Transient || outcome.Exception is TimeoutRejectedException;

    private void Configure(ResiliencePipelineBuilder<AttemptResult> builder, string endpoint)
    {
        builder.TimeProvider = _time;
        if (_options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<AttemptResult>
            {
                MaxRetryAttempts = _options.MaxAttempts - 1,
                Delay = _options.FirstRetryDelayTime,
                MaxDelay = MaxRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                // An open circuit is waited out like any transient failure, until the attempts run out.
                ShouldHandle = args => ValueTask.FromResult(
                    CountsAgainstEndpoint(args.Outcome) || args.Outcome.Exception is BrokenCircuitException),
                OnRetry = args => OnRetry(args, endpoint),
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<AttemptResult>
        {
            FailureRatio = BreakerFailureRatio,
            MinimumThroughput = BreakerMinimumThroughput,
            SamplingDuration = BreakerSamplingDuration,
            BreakDuration = _options.BreakDurationTime,
            ShouldHandle = args => ValueTask.FromResult(CountsAgainstEndpoint(args.Outcome)),
            OnOpened = args =>
            {
                _logger.CircuitOpened(endpoint, args.BreakDuration);
                return default;
            },
            OnClosed = _ =>
            {
                _logger.CircuitClosed(endpoint);
                return default;
            },
        });
        builder.AddRateLimiter(_sendSlots);
        builder.AddTimeout(_options.AttemptTimeoutTime);
    }

    private ValueTask OnRetry(OnRetryArguments<AttemptResult> args, string endpoint)
    {
        if (args.Context.Properties.TryGetValue(JobKey, out var job))
        {
            job.AwaitRetry();
            if (args.Outcome.Exception is BrokenCircuitException)
            {
                _logger.HeldBack(job.NoticeId, endpoint, args.RetryDelay);
            }
            else
            {
                job.LastAttemptError = Describe(args.Outcome, endpoint);
                _logger.AttemptFailed(job.Attempts, job.NoticeId, endpoint, job.LastAttemptError, args.RetryDelay);
            }
        }

        return default;
    }
}
