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

        // A reopen of an incident still open is only an update: nothing to reopen.
        var open = Opened(ServiceStatus.PartialOutage);
        Assert.True(open.Apply(Transition(ServiceTransitionKind.Reopen, 2, ServiceStatus.MajorOutage, 1)));
        Assert.Equal(0, open.ReopenCount);
        Assert.Equal(TimelineEntryKind.StatusChanged, open.Timeline[^1].Kind);
        Assert.Equal(IncidentSeverity.Critical, open.Severity);
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
    [Fact]
    public void AnIncidentOnSeveralServicesResolvesOnlyWhenMonitoringSawEachRecover()
    {
        var incident = new Incident();
        Assert.True(incident.Declare("web-1", ["web", "db"], "Web and database", IncidentSeverity.Critical, "alice", null, Noon).Applied);

        Assert.True(incident.Apply(Transition(ServiceTransitionKind.Update, 1, ServiceStatus.MajorOutage, 1, service: "web")));
        Assert.True(incident.Apply(Transition(ServiceTransitionKind.Resolve, 2, ServiceStatus.Operational, 2, service: "web")));
        Assert.True(incident.IsOpen);

        Assert.True(incident.Apply(Transition(ServiceTransitionKind.Update, 1, ServiceStatus.MajorOutage, 3, service: "db")));
        Assert.True(incident.Apply(Transition(ServiceTransitionKind.Resolve, 2, ServiceStatus.Operational, 4, service: "db")));
        Assert.Equal(IncidentStage.Resolved, incident.Stage);
        Assert.Equal(Noon.AddMinutes(4), incident.ResolvedAt);
    }

    [Fact]
    public void AServiceFailingAgainBeforeTheOthersRecoverKeepsTheIncidentWaitingForIt()
    {
        var incident = new Incident();
        incident.Declare("web-1", ["web", "db"], "Web and database", IncidentSeverity.Critical, "alice", null, Noon);
        incident.Apply(Transition(ServiceTransitionKind.Resolve, 1, ServiceStatus.Operational, 1, service: "web"));
        incident.Apply(Transition(ServiceTransitionKind.Reopen, 2, ServiceStatus.MajorOutage, 2, service: "web"));

        incident.Apply(Transition(ServiceTransitionKind.Resolve, 1, ServiceStatus.Operational, 3, service: "db"));

        Assert.True(incident.IsOpen);
        Assert.Equal(0, incident.ReopenCount);
    }
    [Fact]
    public void NotFixedOnADismissedReportIsRecordedWithoutReopeningIt()
    {
        var incident = new Incident();
        incident.Report("db-r", ["db"], "Reported", new IncidentReport("acme", "alice", "slow", Noon));
        incident.Dismiss("bob", Noon.AddMinutes(5), "nothing found");

        var answer = incident.RecordFeedback(new IncidentFeedback("acme", "alice", false, 1, "still slow", Noon.AddMinutes(10)));

        Assert.True(answer.Applied);
        Assert.Empty(answer.Bulletins);
        Assert.Equal(IncidentStage.Dismissed, incident.Stage);
        Assert.Equal(0, incident.ReopenCount);
    }

    [Fact]
    public void AnAnswerWithoutARatingKeepsTheRatingTheContactGaveBefore()
    {
        var incident = Opened();
        incident.Apply(Transition(ServiceTransitionKind.Resolve, 2, ServiceStatus.Operational, 30));
        incident.RecordFeedback(new IncidentFeedback("acme", "alice", true, 4, "quick", Noon.AddHours(1)));

        incident.RecordFeedback(new IncidentFeedback("acme", "alice", true, null, null, Noon.AddHours(2)));

        var feedback = Assert.Single(incident.Feedback);
        Assert.Equal((4, "quick", Noon.AddHours(2)), (feedback.Rating, feedback.Comment, feedback.At));
    }
}
