using UptimeCoordinator.Domain;
using UptimeCoordinator.Domain.Health;
using UptimeCoordinator.Host.Events;

namespace UptimeCoordinator.Host.Integrations.Generic;

/// <summary>
/// Maps a push-URL call (<c>?status=up|down&amp;msg=</c>, as Uptime Kuma's push monitors take it) onto one
/// health event for check <see cref="Check"/>. As in Uptime Kuma, a push without a status means up.
/// </summary>
public static class PushEventMapper
{
    public const string Source = "push";
    public const string Check = "push";

    public static HealthEventRequest? Map(string serviceId, string? status, string? message, DateTimeOffset now, ValidationErrors errors)
    {
        HealthStatus? parsed = status?.Trim().ToUpperInvariant() switch
        {
            null or "" or "UP" => HealthStatus.Up,
            "DEGRADED" => HealthStatus.Degraded,
            "DOWN" => HealthStatus.Down,
            _ => null,
        };
        if (parsed is null)
        {
            errors.Add("status", $"must be up, degraded or down, not '{status}'");
            return null;
        }

        return new HealthEventRequest(serviceId, parsed, now, Source, Check, string.IsNullOrEmpty(message) ? null : message, null);
    }
}
