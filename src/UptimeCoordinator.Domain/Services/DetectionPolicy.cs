namespace UptimeCoordinator.Domain.Services;

/// <summary>
/// How many consecutive observations a check needs before its status flips. Thresholds above 1
/// are the flapping guard: one bad probe does not open an outage and one good probe does not close it.
/// </summary>
public sealed record DetectionPolicy(int FailureThreshold = 1, int RecoveryThreshold = 1)
{
    public const int MaxThreshold = 100;

    public static DetectionPolicy Default { get; } = new();
}
