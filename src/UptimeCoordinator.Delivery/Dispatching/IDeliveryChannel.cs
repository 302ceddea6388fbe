using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Delivery.Dispatching;

/// <summary>One way of sending a notice. The dispatcher owns retries, timeouts and circuit breaking.</summary>
internal interface IDeliveryChannel
{
    NoticeChannel Channel { get; }

    /// <summary>Why this channel cannot send anything at all, such as no SMTP host; null when it can.</summary>
    string? Unconfigured { get; }

    /// <summary>The endpoint whose circuit breaker guards the delivery: scheme, host and port, never a path.</summary>
    string EndpointOf(NoticeDelivery delivery);

    /// <summary>
    /// Makes one attempt. Expected failures come back as a result; an <see cref="OperationCanceledException"/>
    /// means <paramref name="cancellationToken"/> fired (the attempt timed out, or was abandoned).
    /// </summary>
    Task<AttemptResult> SendAsync(NoticeDelivery delivery, CancellationToken cancellationToken);
}
