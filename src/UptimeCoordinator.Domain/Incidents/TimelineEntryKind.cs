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
    [JsonStringEnumMemberName("declared")] Declared = 5,
    [JsonStringEnumMemberName("reported")] Reported = 6,
    [JsonStringEnumMemberName("confirmed")] Confirmed = 7,
    [JsonStringEnumMemberName("dismissed")] Dismissed = 8,
    [JsonStringEnumMemberName("update")] Update = 9,
    [JsonStringEnumMemberName("eta_changed")] EtaChanged = 10,
    [JsonStringEnumMemberName("summary_added")] SummaryAdded = 11,
    [JsonStringEnumMemberName("still_working")] StillWorking = 12,
    [JsonStringEnumMemberName("responders_nudged")] RespondersNudged = 13,
    [JsonStringEnumMemberName("follow_up_sent")] FollowUpSent = 14,
    [JsonStringEnumMemberName("survey_sent")] SurveySent = 15,
    [JsonStringEnumMemberName("feedback")] Feedback = 16,
}
