namespace UptimeCoordinator.Delivery;

/// <summary>
/// The delivery workers of this silo. Grains hand notices over after persisting them and never
/// await a send: <see cref="Dispatch"/> only queues.
/// </summary>
public interface INoticeDispatcher
{
    /// <summary>
    /// Queues a notice for delivery. A notice id already queued, waiting to retry or being sent here
    /// is ignored, so a reminder may hand over everything still pending without doubling a send.
    /// The outcome is reported through <see cref="IDeliveryOutcomeSink"/>.
    /// </summary>
    void Dispatch(NoticeDelivery delivery);

    /// <summary>
    /// Withdraws a notice that no attempt is under way for: still queued, or waiting between retries.
    /// True when it is withdrawn, so it will never be sent and no outcome is reported. False when an
    /// attempt is in progress or the id is unknown here (it may be in flight on another silo): the
    /// caller must then assume it will arrive.
    /// </summary>
    bool TryWithdraw(string noticeId);
}
