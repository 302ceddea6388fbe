using System.Text.Json.Serialization;

namespace UptimeCoordinator.Domain.Incidents;

/// <summary>Who started an incident: monitoring, ops declaring it, or a client reporting a problem.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IncidentOrigin>))]
public enum IncidentOrigin
{
    [JsonStringEnumMemberName("monitoring")] Monitoring = 0,
    [JsonStringEnumMemberName("declared")] Declared = 1,
    [JsonStringEnumMemberName("reported")] Reported = 2,
}
