using Microsoft.Extensions.Logging;
using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Delivery.Dispatching;

/// <summary>
/// Every log line of the delivery. Endpoints are scheme, host and port only: webhook paths and queries
/// carry tokens (Slack's do), so no URL, body, secret or password is ever a parameter here.
/// </summary>
internal static partial class DeliveryLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Notice {NoticeId} is already being delivered here; the repeat is ignored")]
    public static partial void DuplicateIgnored(this ILogger logger, string noticeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notice {NoticeId} was not queued: the dispatcher is stopping")]
    public static partial void NotQueued(this ILogger logger, string noticeId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice {NoticeId} was withdrawn before its next attempt")]
    public static partial void Withdrawn(this ILogger logger, string noticeId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Notice {NoticeId} is left pending for the next host: the dispatcher stopped before its next attempt")]
    public static partial void LeftPending(this ILogger logger, string noticeId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping notice delivery: waiting up to {DrainTimeout} for {InFlight} send(s) in flight")]
    public static partial void Draining(this ILogger logger, int inFlight, string drainTimeout);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Notice delivery stopped: {Drained} send(s) in flight drained and reported, {CutOff} cut off at the drain timeout of {DrainTimeout}; {LeftPending} not yet attempting left pending for the next host")]
    public static partial void Drained(this ILogger logger, int drained, int cutOff, string drainTimeout, int leftPending);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Attempt {Attempt} of notice {NoticeId} to {Endpoint} failed ({Error}); retrying in {RetryDelay}")]
    public static partial void AttemptFailed(this ILogger logger, int attempt, string noticeId, string endpoint, string error, TimeSpan retryDelay);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Notice {NoticeId} is held back: the circuit for {Endpoint} is open; trying again in {RetryDelay}")]
    public static partial void HeldBack(this ILogger logger, string noticeId, string endpoint, TimeSpan retryDelay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice {NoticeId} sent by {Channel} to {Endpoint} in {Attempts} attempt(s)")]
    public static partial void Sent(this ILogger logger, string noticeId, NoticeChannel channel, string endpoint, int attempts);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Notice {NoticeId} by {Channel} to {Endpoint} failed after {Attempts} attempt(s): {Error}")]
    public static partial void Failed(this ILogger logger, string noticeId, NoticeChannel channel, string endpoint, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice {NoticeId} by {Channel} is deferred: {Reason}")]
    public static partial void Deferred(this ILogger logger, string noticeId, NoticeChannel channel, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notice {NoticeId} by {Channel} to {Endpoint} failed unexpectedly")]
    public static partial void Unexpected(this ILogger logger, string noticeId, NoticeChannel channel, string endpoint, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Circuit for {Endpoint} opened for {BreakDuration} after repeated failures")]
    public static partial void CircuitOpened(this ILogger logger, string endpoint, TimeSpan breakDuration);

    [LoggerMessage(Level = LogLevel.Information, Message = "Circuit for {Endpoint} closed again")]
    public static partial void CircuitClosed(this ILogger logger, string endpoint);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The outcome of notice {NoticeId} for client {ClientId} could not be reported after {Attempts} attempt(s); the outbox will hand it over again")]
    public static partial void OutcomeNotReported(this ILogger logger, string noticeId, string clientId, int attempts, Exception exception);
}
