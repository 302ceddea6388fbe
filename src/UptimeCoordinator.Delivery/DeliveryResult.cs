namespace UptimeCoordinator.Delivery;

/// <summary>How a delivery ended.</summary>
public enum DeliveryResult
{
    /// <summary>The receiver accepted it.</summary>
    Sent = 1,

    /// <summary>Every attempt failed, or the target is refused for good (private address, redirect).</summary>
    Failed = 2,

    /// <summary>Nothing was attempted: the channel is not configured (no SMTP host). The notice stays pending.</summary>
    Deferred = 3,
}
