using UptimeCoordinator.Domain.Health;

namespace UptimeCoordinator.Host.Demo;

/// <summary>The <see cref="Number"/>th outage of the simulated monitor, counting from 0.</summary>
internal sealed record DemoOutage(int Number, string ServiceId, HealthStatus Status, DateTimeOffset BreaksAt, DateTimeOffset HealsAt);
