using System.Text.Json.Serialization;

namespace UptimeCoordinator.Contracts.Changes;

/// <summary>What happened to an incident.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IncidentChangeKind>))]
public enum IncidentChangeKind
{
    [JsonStringEnumMemberName("opened")] Opened = 0,
    [JsonStringEnumMemberName("updated")] Updated = 1,
    [JsonStringEnumMemberName("acknowledged")] Acknowledged = 2,
    [JsonStringEnumMemberName("resolved")] Resolved = 3,
    [JsonStringEnumMemberName("reopened")] Reopened = 4,
}
