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
    [JsonStringEnumMemberName("declared")] Declared = 5,
    [JsonStringEnumMemberName("reported")] Reported = 6,
    [JsonStringEnumMemberName("confirmed")] Confirmed = 7,
    [JsonStringEnumMemberName("dismissed")] Dismissed = 8,
    [JsonStringEnumMemberName("closed")] Closed = 9,
    [JsonStringEnumMemberName("feedback")] Feedback = 10,
}
