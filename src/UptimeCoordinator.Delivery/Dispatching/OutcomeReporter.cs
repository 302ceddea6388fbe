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

    public async Task ReportAsync(string clientId, DeliveryOutcome outcome, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await sink.ReportAsync(clientId, outcome, cancellationToken);
                return;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                if (attempt == MaxAttempts)
                {
                    logger.OutcomeNotReported(outcome.NoticeId, clientId, attempt, exception);
                    return;
                }
            }

            await Task.Delay(FirstRetryDelay * attempt, time, cancellationToken);
        }
    }
}
