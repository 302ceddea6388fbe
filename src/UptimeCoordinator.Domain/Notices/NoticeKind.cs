using System.Text.Json.Serialization;

namespace UptimeCoordinator.Domain.Notices;

/// <summary>The stage a notice tells about (DESIGN.md §5). The wire names are the public contract.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NoticeKind>))]
public enum NoticeKind
{
    [JsonStringEnumMemberName("incident.detected")] IncidentDetected = 1,
    [JsonStringEnumMemberName("incident.acknowledged")] IncidentAcknowledged = 2,
    [JsonStringEnumMemberName("incident.update")] IncidentUpdate = 3,
    [JsonStringEnumMemberName("incident.eta_changed")] IncidentEtaChanged = 4,
    [JsonStringEnumMemberName("incident.resolved")] IncidentResolved = 5,
    [JsonStringEnumMemberName("incident.followup")] IncidentFollowUp = 6,
    [JsonStringEnumMemberName("incident.survey")] IncidentSurvey = 7,
    [JsonStringEnumMemberName("maintenance.scheduled")] MaintenanceScheduled = 8,
    [JsonStringEnumMemberName("maintenance.reminder")] MaintenanceReminder = 9,
    [JsonStringEnumMemberName("maintenance.started")] MaintenanceStarted = 10,
    [JsonStringEnumMemberName("maintenance.completed")] MaintenanceCompleted = 11,
    [JsonStringEnumMemberName("maintenance.changed")] MaintenanceChanged = 12,
    [JsonStringEnumMemberName("sla.breached")] SlaBreached = 13,

    // For the responders (the ops channel), not for clients.
    [JsonStringEnumMemberName("incident.reported")] IncidentReported = 20,
    [JsonStringEnumMemberName("incident.reopened")] IncidentReopened = 21,
    [JsonStringEnumMemberName("incident.nudge")] IncidentNudge = 22,
}
