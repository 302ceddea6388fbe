using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using UptimeCoordinator.Domain.Time;

namespace UptimeCoordinator.Delivery.Dispatching;

/// <summary>
/// Refuses delivery settings the dispatcher cannot honour, naming the key. The duration bounds are
/// the ones Polly accepts, so a bad value stops the start instead of the first send; the drain must
/// end within the host's shutdown timeout, which also covers the silo leaving the cluster after it.
/// </summary>
internal sealed class DeliveryOptionsValidator(IOptions<HostOptions> host) : IValidateOptions<DeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        var failures = new List<string>();
        if (options.MaxAttempts is < 1 or > 100)
        {
            failures.Add($"{DeliveryOptions.SectionName}:MaxAttempts must be between 1 and 100; got {options.MaxAttempts}.");
        }

        if (options.Concurrency is < 1 or > 1024)
        {
            failures.Add($"{DeliveryOptions.SectionName}:Concurrency must be between 1 and 1024; got {options.Concurrency}.");
        }

        CheckDuration(failures, nameof(DeliveryOptions.FirstRetryDelay), options.FirstRetryDelay, TimeSpan.FromMilliseconds(1), TimeSpan.FromDays(1));
        CheckDuration(failures, nameof(DeliveryOptions.AttemptTimeout), options.AttemptTimeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromDays(1));
        CheckDuration(failures, nameof(DeliveryOptions.BreakDuration), options.BreakDuration, TimeSpan.FromSeconds(0.5), TimeSpan.FromDays(1));
        CheckDrainTimeout(failures, options.DrainTimeout, host.Value.ShutdownTimeout);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckDrainTimeout(List<string> failures, string? text, TimeSpan shutdownTimeout)
    {
        var unbounded = shutdownTimeout == Timeout.InfiniteTimeSpan;
        if (!IsoDuration.TryParse(text, out var duration) || duration <= TimeSpan.Zero || (!unbounded && duration >= shutdownTimeout))
        {
            var bound = unbounded ? "" : $" and shorter than the host's shutdown timeout ({IsoDuration.Format(shutdownTimeout)})";
            failures.Add($"{DeliveryOptions.SectionName}:{nameof(DeliveryOptions.DrainTimeout)} must be an ISO 8601 duration "
                + $"longer than zero{bound}, such as PT20S; got '{text}'.");
        }
    }

    private static void CheckDuration(List<string> failures, string key, string? text, TimeSpan min, TimeSpan max)
    {
        if (!IsoDuration.TryParse(text, out var duration) || duration < min || duration > max)
        {
            failures.Add($"{DeliveryOptions.SectionName}:{key} must be an ISO 8601 duration from "
                + $"{IsoDuration.Format(min)} to {IsoDuration.Format(max)}, such as PT1S; got '{text}'.");
        }
    }
}
