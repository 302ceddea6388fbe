using System.Text.Json;
using UptimeCoordinator.Domain.Time;

namespace UptimeCoordinator.Domain.Notices;

/// <summary>
/// The JSON body of a maintenance webhook notice, in the <see cref="WebhookEnvelope"/>: the window's times in
/// UTC and in the contact's zone, what changed, and the client's services with how each is affected.
/// </summary>
public static class MaintenanceNoticePayload
{
    /// <summary>The webhook body for <paramref name="facts"/>, carrying the rendered subject and text.</summary>
    public static string Json(MaintenanceNoticeFacts facts, NoticeContent content)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var b = facts.Bulletin;
        return WebhookEnvelope.Json(facts.Kind, b.At, facts.NoticeId, facts.ClientId, content, json =>
        {
            json.WriteString("windowId", facts.WindowId);

            // The enums carry their wire names as attributes; serializing them keeps that one source of truth.
            json.WritePropertyName("step");
            JsonSerializer.Serialize(json, b.Kind);
            json.WriteString("title", NoticeTextSanitizer.OneLine(facts.Title));
            json.WriteString("description", NoticeTextSanitizer.Message(facts.Description));
            json.WriteString("start", b.Start.ToUniversalTime());
            json.WriteString("end", b.End.ToUniversalTime());

            // The receiver may show local times without a tz database: the offset in force at each instant is given.
            json.WriteString("localStart", TimeZoneInfo.ConvertTime(b.Start, facts.TimeZone));
            json.WriteString("localEnd", TimeZoneInfo.ConvertTime(b.End, facts.TimeZone));
            json.WriteString("timeZone", NoticeTimeText.ZoneName(facts.TimeZone));
            WebhookEnvelope.WriteTime(json, "previousStart", b.PreviousStart);
            WebhookEnvelope.WriteTime(json, "previousEnd", b.PreviousEnd);
            json.WriteString("leadTime", b.LeadTime is { } lead ? IsoDuration.Format(lead) : null);
            json.WriteNumber("revision", b.Revision);
            json.WriteString("calendarUrl", facts.CalendarUrl);
            json.WriteString("overrunIncidentId", b.OverrunIncidentId);
            WebhookEnvelope.WriteAffectedServices(json, facts.AffectedServices);
        });
    }
}
