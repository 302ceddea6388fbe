using UptimeCoordinator.Domain.Health;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Incidents;

/// <summary>
/// An incident and its timeline. This part holds its state and the automatic life driven by
/// monitoring: opened when detection trips, updated while the outage changes shape, resolved on
/// recovery, reopened on a quick recurrence, a client's report confirmed. Responders' actions,
/// clients' reports and answers, and the scheduled steps live in the other parts.
/// </summary>
public sealed partial class Incident
{
    public string Id { get; set; } = "";

    public List<string> ServiceIds { get; set; } = [];

    public IncidentSeverity Severity { get; set; }

    public IncidentStage Stage { get; set; }

    public string Title { get; set; } = "";

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public int ReopenCount { get; set; }

    public IncidentOrigin Origin { get; set; }

    /// <summary>When a responder expects it fixed; null until one says.</summary>
    public DateTimeOffset? Eta { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }

    /// <summary>When the people affected last heard something: the promise of the next update counts from here.</summary>
    public DateTimeOffset LastPublicUpdateAt { get; set; }

    /// <summary>When the responders were last nudged for an overdue update.</summary>
    public DateTimeOffset? LastNudgeAt { get; set; }

    public IncidentResolution? Resolution { get; set; }

    public DateTimeOffset? FollowUpSentAt { get; set; }

    public DateTimeOffset? SurveySentAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>When the first notice about it reached any client.</summary>
    public DateTimeOffset? FirstClientNoticeAt { get; set; }

    public List<IncidentReport> Reports { get; set; } = [];

    /// <summary>The latest answer of each client contact (or of the client as a whole).</summary>
    public List<IncidentFeedback> Feedback { get; set; } = [];

    /// <summary>The incident's own step counter for what it hands out itself (<see cref="IncidentBulletin"/>).</summary>
    public long BulletinSequence { get; set; }

    public List<TimelineEntry> Timeline { get; set; } = [];

    private DateTimeOffset _recordedAt;

    /// <summary>Services of the incident monitoring has seen recover since they last failed.</summary>
    public HashSet<string> RecoveredServices { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The last change sequence applied per service, so a repeated hand-over is a no-op.</summary>
    public Dictionary<string, long> AppliedSequences { get; set; } = new(StringComparer.Ordinal);

    public bool IsOpen => Stage is not (IncidentStage.Resolved or IncidentStage.Closed or IncidentStage.Dismissed);

    public bool Exists => Id.Length > 0;

    /// <summary>Monitoring or ops stand behind it; a client's report alone does not.</summary>
    public bool IsConfirmed => Stage is not (IncidentStage.Suspected or IncidentStage.Dismissed);

    /// <summary>When the people affected are promised their next update; null once it is over.</summary>
    public DateTimeOffset? NextUpdateDue(TimeSpan interval) => IsOpen ? LastPublicUpdateAt + interval : null;

    /// <summary>When the resolution was recorded here; the follow-up and survey count from it, not from when monitoring saw it.</summary>
    public DateTimeOffset? ResolutionRecordedAt { get; set; }

    /// <summary>Applies a service transition as if recorded when it happened.</summary>
    public bool Apply(ServiceTransition transition) => Apply(transition, transition.Change.At);

    /// <summary>
    /// Applies a service transition recorded at <paramref name="recordedAt"/>; returns false when it was
    /// already applied or does not fit. Monitoring may report late: the promise of the next update
    /// and the steps after resolution count from when we learned of it.
    /// </summary>
    public bool Apply(ServiceTransition transition, DateTimeOffset recordedAt)
    {
        _recordedAt = recordedAt > transition.Change.At ? recordedAt : transition.Change.At;
        if (AppliedSequences.TryGetValue(transition.ServiceId, out var applied) && transition.Change.Sequence <= applied)
        {
            return false;
        }

        var applies = transition.Kind switch
        {
            // The service holds an incident that never came to be (a declaration or report that
            // died half-way): monitoring's outage opens it rather than going unrecorded.
            ServiceTransitionKind.Update or ServiceTransitionKind.Confirm when !Exists => Open(transition),
            ServiceTransitionKind.Open => Open(transition),
            ServiceTransitionKind.Update => Update(transition.ServiceId, transition.Change),
            ServiceTransitionKind.Resolve => Resolve(transition.ServiceId, transition.Change),
            ServiceTransitionKind.Reopen => Reopen(transition.ServiceId, transition.Change),
            ServiceTransitionKind.Confirm => ConfirmByMonitoring(transition.ServiceId, transition.Change),
            _ => false,
        };
        if (applies)
        {
            AppliedSequences[transition.ServiceId] = transition.Change.Sequence;
        }

        return applies;
    }

    private bool Open(ServiceTransition transition)
    {
        if (Exists)
        {
            return false;
        }

        var change = transition.Change;
        Id = transition.IncidentId;
        ServiceIds = [transition.ServiceId];
        Severity = change.To.ToSeverity() ?? IncidentSeverity.Minor;
        Stage = IncidentStage.Detected;
        Title = TitleFor(transition.ServiceId, change.To);
        OpenedAt = change.At;
        LastPublicUpdateAt = _recordedAt;
        Record(TimelineEntryKind.Opened, transition.ServiceId, change);
        return true;
    }

    private bool Update(string serviceId, StatusChange change)
    {
        if (!Exists || !IsOpen)
        {
            return false;
        }

        Escalate(change.To);
        RecoveredServices.Remove(serviceId);
        LastPublicUpdateAt = _recordedAt;
        Record(TimelineEntryKind.StatusChanged, serviceId, change);
        return true;
    }

    private bool Resolve(string serviceId, StatusChange change)
    {
        if (!Exists || !IsOpen)
        {
            return false;
        }

        // An incident on several services is over when monitoring has seen each of them recover; one
        // that monitoring never saw fail stays broken on a person's word until a person resolves it.
        RecoveredServices.Add(serviceId);
        if (ServiceIds.Any(s => !RecoveredServices.Contains(s)))
        {
            Record(TimelineEntryKind.StatusChanged, serviceId, change);
            return true;
        }

        Stage = IncidentStage.Resolved;
        ResolvedAt = change.At;
        ResolutionRecordedAt = _recordedAt;
        Resolution = IncidentResolution.Automatic(
            $"Monitoring showed {serviceId} working normally again at {change.At.UtcDateTime:yyyy-MM-dd HH:mm} UTC, {Notices.NoticeTimeText.Duration(change.At - OpenedAt)} after the incident opened.",
            change.At);
        Record(TimelineEntryKind.Resolved, serviceId, change);
        return true;
    }

    private bool Reopen(string serviceId, StatusChange change)
    {
        if (!Exists)
        {
            return false;
        }

        // One service of a multi-service incident failed again while another still is: the incident is still open.
        if (IsOpen)
        {
            return Update(serviceId, change);
        }

        ReopenAt(_recordedAt);
        Escalate(change.To);
        Record(TimelineEntryKind.Reopened, serviceId, change);
        return true;
    }

    // Monitoring backs a client's report, even one ops had dismissed: the facts outrank the guess.
    private bool ConfirmByMonitoring(string serviceId, StatusChange change)
    {
        if (!Exists)
        {
            return false;
        }

        if (Stage is not (IncidentStage.Suspected or IncidentStage.Dismissed))
        {
            return Update(serviceId, change);
        }

        Stage = IncidentStage.Detected;
        ResolvedAt = null;
        Severity = change.To.ToSeverity() ?? Severity;
        LastPublicUpdateAt = _recordedAt;
        Record(TimelineEntryKind.Confirmed, serviceId, change);
        return true;
    }

    private void ReopenAt(DateTimeOffset at)
    {
        Stage = IncidentStage.Detected;
        ResolvedAt = null;
        ResolutionRecordedAt = null;
        Resolution = null;
        RecoveredServices.Clear();

        // The old estimate was for the fix that did not hold.
        Eta = null;
        FollowUpSentAt = null;
        SurveySentAt = null;
        ClosedAt = null;
        LastPublicUpdateAt = at;
        ReopenCount++;
    }

    // Severity only rises while an incident lives: a report that it got better is a timeline entry, not a downgrade.
    private void Escalate(ServiceStatus status)
    {
        if (status.ToSeverity() is { } severity && severity > Severity)
        {
            Severity = severity;
        }
    }

    private void Record(TimelineEntryKind kind, string serviceId, StatusChange change) =>
        Timeline.Add(new TimelineEntry(change.At, kind, Stage, change.Source, serviceId, change.To, change.Message));

    /// <summary>How an incident of a service in <paramref name="status"/> is titled, by whatever name the reader knows it.</summary>
    public static string TitleFor(string serviceName, ServiceStatus status) => $"{serviceName}: {Describe(status)}";

    private static string Describe(ServiceStatus status) => status switch
    {
        ServiceStatus.MajorOutage => "major outage",
        ServiceStatus.PartialOutage => "partial outage",
        ServiceStatus.DegradedPerformance => "degraded performance",
        _ => "incident",
    };
}
