using UptimeCoordinator.Domain.Time;

namespace UptimeCoordinator.Delivery.Dispatching;

/// <summary>
/// How hard the dispatcher tries (<c>Notifications:Delivery</c>). Durations are ISO 8601 (<c>PT1S</c>),
/// like every duration in the configuration.
/// </summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Notifications:Delivery";

    /// <summary>Attempts per notice in total, the first included. Default 6.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The median wait before the first retry; later waits grow exponentially, with jitter. Default <c>PT1S</c>.</summary>
    public string FirstRetryDelay { get; set; } = "PT1S";

    /// <summary>How long one attempt may take before it counts as failed and is retried. Default <c>PT10S</c>.</summary>
    public string AttemptTimeout { get; set; } = "PT10S";

    /// <summary>How many sends run at once on this silo. Waiting between retries does not hold one. Default 32.</summary>
    public int Concurrency { get; set; } = 32;

    /// <summary>How long an endpoint's circuit stays open after repeated failures. Default <c>PT30S</c>.</summary>
    public string BreakDuration { get; set; } = "PT30S";

    /// <summary>
    /// How long a stopping host lets the sends in flight finish and report their outcomes before it
    /// cancels them. Notices not yet attempting, or waiting to retry, are left pending at once: the
    /// next host hands them over again. Shorter than the host's shutdown timeout. Default <c>PT20S</c>.
    /// </summary>
    public string DrainTimeout { get; set; } = "PT20S";

    internal TimeSpan FirstRetryDelayTime => Parse(FirstRetryDelay);

    internal TimeSpan AttemptTimeoutTime => Parse(AttemptTimeout);

    internal TimeSpan BreakDurationTime => Parse(BreakDuration);

    internal TimeSpan DrainTimeoutTime => Parse(DrainTimeout);

    private static TimeSpan Parse(string text) => IsoDuration.TryParse(text, out var duration)
        ? duration
        : throw new InvalidOperationException($"'{text}' is not an ISO 8601 duration; the options validator should have refused it.");
}
