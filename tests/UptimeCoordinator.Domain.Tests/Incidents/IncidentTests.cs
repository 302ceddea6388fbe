using UptimeCoordinator.Domain.Health;
using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Tests.Incidents;

public sealed class IncidentTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static ServiceTransition Transition(ServiceTransitionKind kind, long sequence, ServiceStatus to, int minute, string service = "db") =>
        new(kind, "db-1", service, new StatusChange(sequence, ServiceStatus.Operational, to, Noon.AddMinutes(minute), "blackbox", "http", $"seq {sequence}"));

    private static Incident Opened(ServiceStatus status = ServiceStatus.MajorOutage)
    {
        var incident = new Incident();
        Assert.True(incident.Apply(Transition(ServiceTransitionKind.Open, 1, status, 0)));
        return incident;
    }

    [Fact]
    public void OpeningRecordsDetectedStageSeverityAndTimeline()
    {
        var incident = Opened();

        Assert.Equal("db-1", incident.Id);
        Assert.Equal(IncidentStage.Detected, incident.Stage);
        Assert.Equal(IncidentSeverity.Critical, incident.Severity);
        Assert.Equal(Noon, incident.OpenedAt);
        Assert.True(incident.IsOpen);
        var entry = Assert.Single(incident.Timeline);
        Assert.Equal(new TimelineEntry(Noon, TimelineEntryKind.Opened, IncidentStage.Detected, "blackbox", "db", ServiceStatus.MajorOutage, "seq 1"), entry);
    }

    [Theory]
    [InlineData(ServiceStatus.DegradedPerformance, IncidentSeverity.Minor)]
    [InlineData(ServiceStatus.PartialOutage, IncidentSeverity.Major)]
    [InlineData(ServiceStatus.MajorOutage, IncidentSeverity.Critical)]
    public void SeverityFollowsTheServiceStatus(ServiceStatus status, IncidentSeverity severity) =>
        Assert.Equal(severity, Opened(status).Severity);

    [Fact]
    public void SeverityEscalatesButNeverDropsWhileOpen()
    {
        var incident = Opened(ServiceStatus.DegradedPerformance);

        incident.Apply(Transition(ServiceTransitionKind.Update, 2, ServiceStatus.MajorOutage, 1));
        incident.Apply(Transition(ServiceTransitionKind.Update, 3, ServiceStatus.DegradedPerformance, 2));

        Assert.Equal(IncidentSeverity.Critical, incident.Severity);
        Assert.Equal(3, incident.Timeline.Count);
    }

    [Fact]
    public void ResolveSetsStageAndTime()
    {
        var incident = Opened();

        Assert.True(incident.Apply(Transition(ServiceTransitionKind.Resolve, 2, ServiceStatus.Operational, 30)));

        Assert.Equal(IncidentStage.Resolved, incident.Stage);
        Assert.Equal(Noon.AddMinutes(30), incident.ResolvedAt);
        Assert.False(incident.IsOpen);
        Assert.Equal([TimelineEntryKind.Opened, TimelineEntryKind.Resolved], incident.Timeline.Select(e => e.Kind));
    }

    [Fact]
    public void ReopenBringsAResolvedIncidentBackToDetected()
    {
        var incident = Opened();
        incident.Apply(Transition(ServiceTransitionKind.Resolve, 2, ServiceStatus.Operational, 30));

        Assert.True(incident.Apply(Transition(ServiceTransitionKind.Reopen, 3, ServiceStatus.MajorOutage, 35)));

        Assert.Equal(IncidentStage.Detected, incident.Stage);
        Assert.Null(incident.ResolvedAt);
        Assert.Equal(1, incident.ReopenCount);
        Assert.Equal(TimelineEntryKind.Reopened, incident.Timeline[^1].Kind);
    }

    [Fact]
    public void RepeatedHandOverOfTheSameChangeIsIgnored()
    {
        var incident = Opened();
        var resolve = Transition(ServiceTransitionKind.Resolve, 2, ServiceStatus.Operational, 30);
        incident.Apply(resolve);

        Assert.False(incident.Apply(resolve));
        Assert.False(incident.Apply(Transition(ServiceTransitionKind.Open, 1, ServiceStatus.MajorOutage, 0)));
        Assert.Equal(2, incident.Timeline.Count);
    }

    [Fact]
    public void SequencesAreTrackedPerService()
    {
        var incident = Opened();

        Assert.True(incident.Apply(Transition(ServiceTransitionKind.Update, 1, ServiceStatus.PartialOutage, 1, service: "cache")));

        Assert.Equal(2, incident.Timeline.Count);
    }

    [Fact]
    public void TransitionsThatDoNotFitTheStageChangeNothing()
    {
        var incident = new Incident();

        Assert.False(incident.Apply(Transition(ServiceTransitionKind.Resolve, 1, ServiceStatus.Operational, 0)));
        Assert.False(incident.Exists);

        var open = Opened();
        Assert.False(open.Apply(Transition(ServiceTransitionKind.Reopen, 2, ServiceStatus.MajorOutage, 1)));
        Assert.Equal(0, open.ReopenCount);
    }

    [Fact]
    public void AcknowledgeMovesADetectedIncidentOnAndRecordsWho()
    {
        var incident = Opened();

        Assert.True(incident.Acknowledge("alice", Noon.AddMinutes(2), null, "on it").Applied);

        Assert.Equal(IncidentStage.Acknowledged, incident.Stage);
        Assert.True(incident.IsOpen);
        Assert.Equal(new TimelineEntry(Noon.AddMinutes(2), TimelineEntryKind.Acknowledged, IncidentStage.Acknowledged, "alice", null, null, "on it"), incident.Timeline[^1]);
    }

    [Fact]
    public void AcknowledgeIsRefusedTwiceAndAfterResolution()
    {
        var incident = Opened();
        incident.Acknowledge("alice", Noon.AddMinutes(1), null, null);

        Assert.False(incident.Acknowledge("bob", Noon.AddMinutes(2), null, null).Applied);

        incident.Apply(Transition(ServiceTransitionKind.Resolve, 2, ServiceStatus.Operational, 30));
        Assert.False(incident.Acknowledge("bob", Noon.AddMinutes(31), null, null).Applied);
        Assert.False(new Incident().Acknowledge("bob", Noon, null, null).Applied);
        Assert.Single(incident.Timeline, e => e.Kind == TimelineEntryKind.Acknowledged);
    }

    [Fact]
    public void AnAcknowledgedIncidentStillResolvesOnRecovery()
    {
        var incident = Opened();
        incident.Acknowledge("alice", Noon.AddMinutes(1), null, null);

        Assert.True(incident.Apply(Transition(ServiceTransitionKind.Resolve, 2, ServiceStatus.Operational, 30)));
        Assert.Equal(IncidentStage.Resolved, incident.Stage);
    }
}
