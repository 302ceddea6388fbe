using Microsoft.Extensions.Time.Testing;
using UptimeCoordinator.Domain.Health;

namespace UptimeCoordinator.Domain.Tests.Health;

/// <summary>Builds observations at the fake clock's current time, advancing it a second per event.</summary>
internal sealed class Observations(FakeTimeProvider time)
{
    public HealthObservation Next(HealthStatus status, string check = HealthObservation.DefaultCheck, string? eventId = null, string source = "probe")
    {
        time.Advance(TimeSpan.FromSeconds(1));
        return new HealthObservation(eventId, status, time.GetUtcNow(), source, check, null);
    }
}
