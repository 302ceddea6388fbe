using System.Text.Json;
using UptimeCoordinator.Domain.Incidents;

namespace UptimeCoordinator.Domain.Notices;

/// <summary>
/// The JSON body of an incident's webhook notice, in the <see cref="WebhookEnvelope"/>.
/// </summary>
public static class IncidentNoticePayload
{
    /// <summary>The webhook body for <paramref name="facts"/>, carrying the rendered subject and text.</summary>
    public static string Json(IncidentNoticeFacts facts, NoticeContent content)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return WebhookEnvelope.Json(facts.Kind, facts.At, facts.NoticeId, facts.ClientId, content, json =>
        {
            json.WriteString("incidentId", facts.IncidentId);
            json.WriteString("title", facts.IncidentTitle);

            // The enums carry their wire names as attributes; serializing them keeps that one source of truth.
            json.WritePropertyName("severity");
            JsonSerializer.Serialize(json, facts.Severity);
            WebhookEnvelope.WriteAffectedServices(json, facts.AffectedServices);
            WebhookEnvelope.WriteTime(json, "startedAt", facts.StartedAt);
            WebhookEnvelope.WriteTime(json, "resolvedAt", facts.ResolvedAt);
            WebhookEnvelope.WriteTime(json, "nextUpdateBy", facts.NextUpdateBy);
            WebhookEnvelope.WriteTime(json, "eta", facts.Eta);
            json.WriteString("message", facts.Message);
            WriteStage(json, facts);
            json.WriteString("by", facts.By);
            WebhookEnvelope.WriteTime(json, "previousEta", facts.PreviousEta);
            WriteResolution(json, facts.Resolution);
            WriteFeedback(json, facts);
        });
    }

    // Monitoring's own steps do not know the incident's stage (the facts carry a default): null says so, where a
    // guessed "detected" on a resolved notice would mislead.
    private static void WriteStage(Utf8JsonWriter json, IncidentNoticeFacts facts)
    {
        json.WritePropertyName("stage");
        if (facts.Bulletin is null)
        {
            json.WriteNullValue();
        }
        else
        {
            JsonSerializer.Serialize(json, facts.Stage);
        }
    }

    private static void WriteResolution(Utf8JsonWriter json, IncidentResolution? resolution)
    {
        if (resolution is null)
        {
            json.WriteNull("resolution");
            return;
        }

        json.WriteStartObject("resolution");
        json.WriteString("summary", resolution.Summary);
        WriteStrings(json, "actionsTaken", resolution.ActionsTaken);
        if (resolution.TimeSpentMinutes is { } minutes)
        {
            json.WriteNumber("timeSpentMinutes", minutes);
        }
        else
        {
            json.WriteNull("timeSpentMinutes");
        }

        WriteStrings(json, "followUps", resolution.FollowUps);
        json.WriteString("by", resolution.IsAutomatic ? Incident.System : resolution.By);
        json.WriteString("generatedSummary", resolution.GeneratedSummary);
        json.WriteEndObject();
    }

    // The token is the receiver's proof of who answers: it rides here, next to the link that already carries it.
    private static void WriteFeedback(Utf8JsonWriter json, IncidentNoticeFacts facts)
    {
        if (facts.FeedbackUrl is null && facts.FeedbackToken is null)
        {
            json.WriteNull("feedback");
            return;
        }

        json.WriteStartObject("feedback");
        json.WriteString("url", facts.FeedbackUrl);
        json.WriteString("token", facts.FeedbackToken);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string>? values)
    {
        json.WriteStartArray(name);
        foreach (var value in values ?? [])
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
