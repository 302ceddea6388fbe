using System.Text.Json.Serialization;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Incidents;

/// <summary>An incident's severity, in Statuspage's impact vocabulary.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IncidentSeverity>))]
public enum IncidentSeverity
{
    [JsonStringEnumMemberName("minor")] Minor = 1,
    [JsonStringEnumMemberName("major")] Major = 2,
    [JsonStringEnumMemberName("critical")] Critical = 3,
}

public static class IncidentSeverityExtensions
{
    /// <summary>The severity a service status implies; none for operational or maintenance.</summary>
    public static IncidentSeverity? ToSeverity(this ServiceStatus status) => status switch
    {
        ServiceStatus.MajorOutage => IncidentSeverity.Critical,
        ServiceStatus.PartialOutage => IncidentSeverity.Major,
        ServiceStatus.DegradedPerformance => IncidentSeverity.Minor,
        _ => null,
    };
}
