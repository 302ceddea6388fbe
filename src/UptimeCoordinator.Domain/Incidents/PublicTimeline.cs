namespace UptimeCoordinator.Domain.Incidents;

/// <summary>Which timeline entries the affected clients may read, as on a public status page.</summary>
public static class PublicTimeline
{
    /// <summary>
    /// What happened to the incident and what responders told the world. Nudges to responders, the
    /// questions sent and other clients' answers are the team's business.
    /// </summary>
    public static bool IsPublic(this TimelineEntryKind kind) => kind is not (
        TimelineEntryKind.RespondersNudged or TimelineEntryKind.FollowUpSent or TimelineEntryKind.SurveySent or TimelineEntryKind.Feedback);
}
