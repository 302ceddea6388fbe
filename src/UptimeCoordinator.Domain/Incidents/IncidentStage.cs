using System.Text.Json.Serialization;

namespace UptimeCoordinator.Domain.Incidents;

/// <summary>
/// Where an incident is in its life: <c>detected → acknowledged → investigating → identified →
/// monitoring → resolved → closed</c>; a client's unconfirmed report starts as <c>suspected</c>.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<IncidentStage>))]
public enum IncidentStage
{
    [JsonStringEnumMemberName("suspected")] Suspected = 0,
    [JsonStringEnumMemberName("detected")] Detected = 1,
    [JsonStringEnumMemberName("acknowledged")] Acknowledged = 2,
    [JsonStringEnumMemberName("investigating")] Investigating = 3,
    [JsonStringEnumMemberName("identified")] Identified = 4,
    [JsonStringEnumMemberName("monitoring")] Monitoring = 5,
    [JsonStringEnumMemberName("resolved")] Resolved = 6,
    [JsonStringEnumMemberName("closed")] Closed = 7,
    [JsonStringEnumMemberName("dismissed")] Dismissed = 8,
}
