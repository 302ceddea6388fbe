using System.Text.Json.Serialization;

namespace UptimeCoordinator.Domain.Services;

/// <summary>A service's live status, in Atlassian Statuspage's component vocabulary.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ServiceStatus>))]
public enum ServiceStatus
{
    [JsonStringEnumMemberName("operational")] Operational = 0,
    [JsonStringEnumMemberName("degraded_performance")] DegradedPerformance = 1,
    [JsonStringEnumMemberName("partial_outage")] PartialOutage = 2,
    [JsonStringEnumMemberName("major_outage")] MajorOutage = 3,
    [JsonStringEnumMemberName("under_maintenance")] UnderMaintenance = 4,
}
