using System.Text.Json.Serialization;

namespace UptimeCoordinator.Domain.Health;

/// <summary>What a monitoring tool says about one check of a service.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HealthStatus>))]
public enum HealthStatus
{
    [JsonStringEnumMemberName("up")] Up = 0,
    [JsonStringEnumMemberName("degraded")] Degraded = 1,
    [JsonStringEnumMemberName("down")] Down = 2,
}
