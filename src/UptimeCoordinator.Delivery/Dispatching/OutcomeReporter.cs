using Microsoft.Extensions.Logging;

namespace UptimeCoordinator.Delivery.Dispatching;

/// <summary>
/// Hands an outcome to the outbox, trying a few times. Losing one is safe: the notice stays pending
/// in the outbox, which hands it over again, and the receiver sees the same id.
/// </summary>
internal sealed class OutcomeReporter(IDeliveryOutcomeSink sink, TimeProvider time, ILogger<OutcomeReporter> logger)
{
    internal const int MaxAttempts = 4;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>True when the outbox took the outcome; false when it was dropped after <see cref="MaxAttempts"/>.</summary>
    public async Task<bool> ReportAsync(string clientId, DeliveryOutcome outcome, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await sink.ReportAsync(clientId, outcome, cancellationToken);
                return true;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                if (attempt == MaxAttempts)
                {
                    logger.OutcomeNotReported(outcome.NoticeId, clientId, attempt, exception);
                    return false;
                }
            }

            await Task.Delay(FirstRetryDelay * attempt, time, cancellationToken);
        }
    }
}
