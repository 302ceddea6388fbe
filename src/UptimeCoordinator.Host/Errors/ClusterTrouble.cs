using System.Net.Sockets;
using Orleans.Runtime;
using Orleans.Storage;
using StackExchange.Redis;

namespace UptimeCoordinator.Host.Errors;

/// <summary>
/// Failures that say the cluster or its storage is in trouble for now (a silo dying, Redis away or
/// slow, a call that timed out), not that the request or the code is wrong. They are answered
/// <c>503</c> with <c>Retry-After</c>: the same request is expected to succeed once membership has
/// moved the grains or storage answers again, and since nothing was acknowledged, retrying is safe.
/// </summary>
public static class ClusterTrouble
{
    /// <summary>
    /// How long a caller should wait: about the time membership takes to declare a killed silo dead
    /// (docs/reliability.md).
    /// </summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <param name="requestAborted">
    /// The request's own token. A cancellation it did not cause is the cluster's: a grain activation
    /// that a silo gave up on after 30 s, as while the directory partition of a killed silo moves.
    /// </param>
    public static bool Is(Exception exception, CancellationToken requestAborted = default)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is AggregateException aggregate && aggregate.InnerExceptions.Any(inner => Is(inner, requestAborted)))
            {
                return true;
            }

            if (current is OperationCanceledException && !requestAborted.IsCancellationRequested)
            {
                return true;
            }

            if (current is TimeoutException                   // grain calls past their response timeout; RedisTimeoutException
                or SiloUnavailableException                    // the target silo is dead or leaving
                or OrleansMessageRejectionException            // a message bounced while activations move
                or GatewayTooBusyException
                or InconsistentStateException                  // a second activation wrote first, as while a dead silo's grains move
                or RedisException                              // RedisConnectionException and the rest: storage away
                or SocketException
                or IOException
                || IsStorageProvider(current))
            {
                return true;
            }
        }

        return false;
    }

    // Orleans' Redis providers wrap what StackExchange.Redis threw; matched by namespace so that the
    // host needs no reference to each provider's exception type.
    private static bool IsStorageProvider(Exception exception) =>
        exception.GetType().FullName is { } name &&
        (name.StartsWith("Orleans.Persistence.", StringComparison.Ordinal) ||
         name.StartsWith("Orleans.Reminders.", StringComparison.Ordinal) ||
         name.StartsWith("Orleans.Clustering.", StringComparison.Ordinal) ||
         name.StartsWith("Orleans.Runtime.Messaging.", StringComparison.Ordinal));
}
