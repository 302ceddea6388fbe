using System.Text.Json.Serialization;

namespace UptimeCoordinator.Domain.Incidents;

[JsonConverter(typeof(JsonStringEnumConverter<TimelineEntryKind>))]
public enum TimelineEntryKind
{
    [JsonStringEnumMemberName("opened")] Opened = 0,
    [JsonStringEnumMemberName("status_changed")] StatusChanged = 1,
    [JsonStringEnumMemberName("resolved")] Resolved = 2,
    [JsonStringEnumMemberName("reopened")] Reopened = 3,
    [JsonStringEnumMemberName("acknowledged")] Acknowledged = 4,
}
