namespace UptimeCoordinator.Domain.Incidents;

/// <summary>
/// The incident's scheduled steps: the nudge when an open incident has gone quiet too long (with a
/// holding update to the clients, so none is left without news), then after resolution the
/// follow-up, which closes the incident, and the survey. The grain persists the state and wakes
/// up at <see cref="NextDueAt"/>; <see cref="RunDue"/> is safe to call any number of times.
/// </summary>
public sealed partial class Incident
{
    public const string System = "system";

    /// <summary>The earliest scheduled step still to come; null when none is.</summary>
    public DateTimeOffset? NextDueAt(IncidentTimings timings)
    {
        DateTimeOffset?[] due = [NudgeDueAt(timings), FollowUpDueAt(timings), SurveyDueAt(timings)];
        return due.Where(d => d is not null).Min();
    }

    /// <summary>Takes every step due at <paramref name="now"/>, in order, and returns what they hand out.</summary>
    public List<IncidentBulletin> RunDue(DateTimeOffset now, IncidentTimings timings)
    {
        var bulletins = new List<IncidentBulletin>();
        if (NudgeDueAt(timings) <= now)
        {
            var quiet = Notices.NoticeTimeText.Duration(now - LastPublicUpdateAt);
            LastNudgeAt = now;
            Add(now, TimelineEntryKind.RespondersNudged, System, $"No update for {quiet}.");
            bulletins.Add(Bulletin(BulletinKind.Nudge, now, System, $"No update for {quiet}."));
            if (IsConfirmed)
            {
                LastPublicUpdateAt = now;
                Add(now, TimelineEntryKind.StillWorking, System, null, Eta);
                bulletins.Add(Bulletin(BulletinKind.StillWorking, now, System, null, Eta));
            }
        }

        if (FollowUpDueAt(timings) <= now)
        {
            FollowUpSentAt = now;
            Stage = IncidentStage.Closed;
            ClosedAt = now;
            Add(now, TimelineEntryKind.FollowUpSent, System, null);
            bulletins.Add(Bulletin(BulletinKind.FollowUp, now, System, null, resolution: Resolution));
        }

        if (SurveyDueAt(timings) <= now)
        {
            SurveySentAt = now;
            Add(now, TimelineEntryKind.SurveySent, System, null);
            bulletins.Add(Bulletin(BulletinKind.Survey, now, System, null, resolution: Resolution));
        }

        return bulletins;
    }

    private DateTimeOffset? NudgeDueAt(IncidentTimings timings)
    {
        if (!Exists || !IsOpen)
        {
            return null;
        }

        var since = LastNudgeAt is { } nudged && nudged > LastPublicUpdateAt ? nudged : LastPublicUpdateAt;
        return since + timings.UpdateInterval;
    }

    private DateTimeOffset? FollowUpDueAt(IncidentTimings timings) =>
        Stage == IncidentStage.Resolved && FollowUpSentAt is null && (ResolutionRecordedAt ?? ResolvedAt) is { } resolved ? resolved + timings.FollowUpDelay : null;

    // The survey never overtakes the follow-up, whatever the configured delays.
    private DateTimeOffset? SurveyDueAt(IncidentTimings timings)
    {
        if (Stage is not (IncidentStage.Resolved or IncidentStage.Closed) || SurveySentAt is not null || (ResolutionRecordedAt ?? ResolvedAt) is not { } resolved)
        {
            return null;
        }

        var afterFollowUp = FollowUpSentAt ?? FollowUpDueAt(timings);
        var due = resolved + timings.SurveyDelay;
        return afterFollowUp is { } f && f > due ? f : due;
    }
}
