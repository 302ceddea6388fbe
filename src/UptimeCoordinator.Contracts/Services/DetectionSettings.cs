namespace UptimeCoordinator.Contracts.Services;

/// <summary>Consecutive non-up events before an outage opens, and up events before it closes.</summary>
[GenerateSerializer, Alias("uc.DetectionSettings")]
public sealed record DetectionSettings(
    [property: Id(0)] int FailureThreshold = 1,
    [property: Id(1)] int RecoveryThreshold = 1);
