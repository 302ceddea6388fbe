using UptimeCoordinator.Contracts.Health;
using UptimeCoordinator.Contracts.Services;
using UptimeCoordinator.Domain.Health;

namespace UptimeCoordinator.Grains.Tests.Infrastructure;

internal static class TestData
{
    public static readonly DateTimeOffset Noon = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A service id no other test uses, since the cluster is shared.</summary>
    public static string UniqueId(string prefix = "svc") => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 64)];

    public static ServiceSpec Spec(string name = "Some service", string[]? dependsOn = null, int failureThreshold = 1, int recoveryThreshold = 1) =>
        new(name, null, null, dependsOn ?? [], new DetectionSettings(failureThreshold, recoveryThreshold));

    public static HealthEvent Event(HealthStatus status, int minute, string check = "default", string? eventId = null) =>
        new(eventId, status, Noon.AddMinutes(minute), "test-probe", check, $"{status} at minute {minute}");
}
