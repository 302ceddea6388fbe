using System.Text.Json.Serialization;

namespace UptimeCoordinator.Domain.Maintenance;

/// <summary>Where a maintenance window is in its life: <c>scheduled → in_progress → completed | cancelled</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MaintenanceStage>))]
public enum MaintenanceStage
{
    [JsonStringEnumMemberName("scheduled")] Scheduled = 0,
    [JsonStringEnumMemberName("in_progress")] InProgress = 1,
    [JsonStringEnumMemberName("completed")] Completed = 2,
    [JsonStringEnumMemberName("cancelled")] Cancelled = 3,
}
