namespace UptimeCoordinator.Delivery.Dispatching;

/// <summary>How one attempt at a notice ended, and so whether another attempt may help.</summary>
internal enum AttemptStatus
{
    Sent = 1,
    Transient = 2,
    Permanent = 3,
}
