using UptimeCoordinator.Domain.Health;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Incidents;

/// <summary>
/// An incident and its timeline. This part covers the automatic life driven by monitoring:
/// opened when detection trips, updated while the outage changes shape, resolved on recovery,
/// reopened on a quick recurrence.
/// </summary>
public sealed class Incident
{
    public string Id { get; set; } = "";

    public List<string> ServiceIds { get; set; } = [];

    public IncidentSeverity Severity { get; set; }

    public IncidentStage Stage { get; set; }

    public string Title { get; set; } = "";

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public int ReopenCount { get; set; }

    public List<TimelineEntry> Timeline { get; set; } = [];

    /// <summary>The last change sequence applied per service, so a repeated hand-over is a no-op.</summary>
    public Dictionary<string, long> AppliedSequences { get; set; } = new(StringComparer.Ordinal);

    public bool IsOpen => Stage is not (IncidentStage.Resolved or IncidentStage.Closed or IncidentStage.Dismissed);

    public bool Exists => Id.Length > 0;

    /// <summary>Applies a service transition; returns false when it was already applied or does not fit.</summary>
    public bool Apply(ServiceTransition transition)
    {
        if (AppliedSequences.TryGetValue(transition.ServiceId, out var applied) && transition.Change.Sequence <= applied)
        {
            return false;
        }

        var applies = transition.Kind switch
        {
            ServiceTransitionKind.Open => Open(transition),
            ServiceTransitionKind.Update => Update(transition.ServiceId, transition.Change),
            ServiceTransitionKind.Resolve => Resolve(transition.ServiceId, transition.Change),
            ServiceTransitionKind.Reopen => Reopen(transition.ServiceId, transition.Change),
            _ => false,
        };
        if (applies)
        {
            AppliedSequences[transition.ServiceId] = transition.Change.Sequence;
        }

        return applies;
    }

    /// <summary>
    /// A responder has seen a newly detected incident. Only a detected incident can be acknowledged;
    /// anything later (acknowledged already, resolved) is left as it is and false is returned.
    /// </summary>
    public bool Acknowledge(string by, DateTimeOffset at, string? message)
    {
        if (!Exists || Stage != IncidentStage.Detected)
        {
            return false;
        }

        Stage = IncidentStage.Acknowledged;
        Timeline.Add(new TimelineEntry(at, TimelineEntryKind.Acknowledged, Stage, by, null, null, message));
        return true;
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
        Record(TimelineEntryKind.StatusChanged, serviceId, change);
        return true;
    }

    private bool Resolve(string serviceId, StatusChange change)
    {
        if (!Exists || !IsOpen)
        {
            return false;
        }

        Stage = IncidentStage.Resolved;
        ResolvedAt = change.At;
        Record(TimelineEntryKind.Resolved, serviceId, change);
        return true;
    }

    private bool Reopen(string serviceId, StatusChange change)
    {
        if (!Exists || IsOpen)
        {
            return false;
        }

        Stage = IncidentStage.Detected;
        ResolvedAt = null;
        ReopenCount++;
        Escalate(change.To);
        Record(TimelineEntryKind.Reopened, serviceId, change);
        return true;
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
