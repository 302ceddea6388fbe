namespace UptimeCoordinator.Delivery;

/// <summary>The end of one dispatch of a notice, as reported back to its client's outbox.</summary>
public sealed record DeliveryOutcome(
    string NoticeId,
    DeliveryResult Result,
    int Attempts,
    string? Error,
    DateTimeOffset At);
