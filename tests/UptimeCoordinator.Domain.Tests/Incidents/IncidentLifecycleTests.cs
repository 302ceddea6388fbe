using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using UptimeCoordinator.Domain.Health;
using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Tests.Incidents;

/// <summary>
/// What responders, clients and monitoring may do to an incident at each stage, and what each
/// action records and hands out. A refused action must leave the incident exactly as it was.
/// </summary>
public sealed class IncidentLifecycleTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);

    /// <summary>The stages an incident is brought to before an action is tried on it.</summary>
    public enum Starting
    {
        None,
        Suspected,
        Detected,
        Acknowledged,
        Investigating,
        Identified,
        Monitoring,
        Resolved,
        ResolvedByMonitoring,
        Closed,
        Dismissed,
    }

    public enum Command
    {
        Declare,
        Report,
        Acknowledge,
        PostUpdate,
        PostUpdateMovingToResolved,
        ResolveByStaff,
        Confirm,
        Dismiss,
        AddReport,
        FixedFeedback,
        NotFixedFeedback,
    }

    private static readonly Starting[] Working =
        [Starting.Detected, Starting.Acknowledged, Starting.Investigating, Starting.Identified, Starting.Monitoring];

    private static readonly Starting[] Ended = [Starting.Resolved, Starting.ResolvedByMonitoring, Starting.Closed, Starting.Dismissed];

    private static readonly Dictionary<Command, Starting[]> CommandAppliesAt = new()
    {
        [Command.Declare] = [Starting.None],
        [Command.Report] = [Starting.None],
        [Command.Acknowledge] = [Starting.Detected],
        [Command.PostUpdate] = Working,
        [Command.PostUpdateMovingToResolved] = [],

        // A staff summary is still welcome after monitoring's own resolve, but only once.
        [Command.ResolveByStaff] = [.. Working, Starting.ResolvedByMonitoring],
        [Command.Confirm] = [Starting.Suspected],
        [Command.Dismiss] = [Starting.Suspected],
        [Command.AddReport] = [Starting.Suspected, .. Working],
        [Command.FixedFeedback] = Ended,
        [Command.NotFixedFeedback] = Ended,
    };

    private static readonly Dictionary<ServiceTransitionKind, Starting[]> TransitionAppliesAt = new()
    {
        [ServiceTransitionKind.Open] = [Starting.None],

        // An outage on an incident that never came to be opens it rather than going unrecorded.
        [ServiceTransitionKind.Update] = [Starting.None, Starting.Suspected, .. Working],
        [ServiceTransitionKind.Resolve] = [Starting.Suspected, .. Working],
        // On an incident still open (one service of several failed again) a reopen is an update.
        [ServiceTransitionKind.Reopen] = [.. Ended, Starting.Suspected, .. Working],

        // Monitoring's facts outrank a dismissal; on an incident already confirmed it is an update.
        [ServiceTransitionKind.Confirm] = [Starting.None, Starting.Suspected, .. Working, Starting.Dismissed],
    };

    public static TheoryData<Starting, Command, bool> CommandCases { get; } = Cases(CommandAppliesAt);

    public static TheoryData<Starting, ServiceTransitionKind, bool> TransitionCases { get; } = Cases(TransitionAppliesAt);

    [Theory]
    [MemberData(nameof(CommandCases))]
    public void ACommandAppliesOnlyAtTheStagesItFitsAndARefusalChangesNothing(Starting starting, Command command, bool applies)
    {
        var incident = At(starting);
        _time.Advance(TimeSpan.FromMinutes(1));
        var before = Snapshot(incident);
        var sequenceBefore = incident.BulletinSequence;

        var result = Run(incident, command);

        Assert.Equal(applies, result.Applied);
        if (applies)
        {
            Assert.Null(result.Refusal);
            Assert.NotEqual(before, Snapshot(incident));
            Assert.Equal(
                Enumerable.Range(1, result.Bulletins.Count).Select(i => sequenceBefore + i),
                result.Bulletins.Select(b => b.Sequence));
            Assert.Equal(sequenceBefore + result.Bulletins.Count, incident.BulletinSequence);
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(result.Refusal));
            Assert.Empty(result.Bulletins);
            Assert.Equal(before, Snapshot(incident));
        }
    }

    [Theory]
    [MemberData(nameof(TransitionCases))]
    public void AMonitoringTransitionAppliesOnlyAtTheStagesItFitsAndOtherwiseChangesNothing(Starting starting, ServiceTransitionKind kind, bool applies)
    {
        var incident = At(starting);
        _time.Advance(TimeSpan.FromMinutes(1));
        var before = Snapshot(incident);

        var applied = incident.Apply(Transition(kind, 100, StatusFor(kind)));

        Assert.Equal(applies, applied);
        if (applies)
        {
            Assert.Equal(100, incident.AppliedSequences["db"]);
            Assert.Equal(_time.GetUtcNow(), incident.Timeline[^1].At);
        }
        else
        {
            Assert.Equal(before, Snapshot(incident));
        }
    }

    [Fact]
    public void DeclaringOpensADetectedIncidentAndHandsOutTheFirstBulletin()
    {
        var incident = new Incident();

        var result = incident.Declare("db-1", ["db", "checkout"], "Customer database down", IncidentSeverity.Major, "dana", "We see errors", _time.GetUtcNow());

        Assert.Equal(IncidentStage.Detected, incident.Stage);
        Assert.Equal(IncidentOrigin.Declared, incident.Origin);
        Assert.Equal(IncidentSeverity.Major, incident.Severity);
        Assert.Equal(["db", "checkout"], incident.ServiceIds);
        Assert.Equal("Customer database down", incident.Title);
        Assert.Equal(Start, incident.OpenedAt);
        Assert.Equal(Start, incident.LastPublicUpdateAt);
        Assert.Null(incident.AcknowledgedAt);
        Assert.Equal(new IncidentBulletin(1, BulletinKind.Declared, Start, "dana", "We see errors", null, null, null), Assert.Single(result.Bulletins));
        Assert.Equal(new TimelineEntry(Start, TimelineEntryKind.Declared, IncidentStage.Detected, "dana", null, null, "We see errors"), Assert.Single(incident.Timeline));
    }

    [Fact]
    public void AcknowledgingRecordsWhoWhenAndTheEta()
    {
        var incident = Declared();
        _time.Advance(TimeSpan.FromMinutes(5));
        var at = _time.GetUtcNow();
        var eta = at.AddHours(1);

        var result = incident.Acknowledge("erin", at, eta, "On it");

        Assert.Equal(IncidentStage.Acknowledged, incident.Stage);
        Assert.Equal(at, incident.AcknowledgedAt);
        Assert.Equal("erin", incident.AcknowledgedBy);
        Assert.Equal(eta, incident.Eta);
        Assert.Equal(at, incident.LastPublicUpdateAt);
        Assert.Equal(new IncidentBulletin(2, BulletinKind.Acknowledged, at, "erin", "On it", eta, null, null), Assert.Single(result.Bulletins));
        Assert.Equal(new TimelineEntry(at, TimelineEntryKind.Acknowledged, IncidentStage.Acknowledged, "erin", null, null, "On it", eta), incident.Timeline[^1]);
    }

    [Fact]
    public void AcknowledgingTwiceIsRefusedNamingWhoAcknowledgedFirst()
    {
        var incident = Declared();
        Assert.True(incident.Acknowledge("erin", _time.GetUtcNow(), null, null).Applied);

        var second = incident.Acknowledge("frank", _time.GetUtcNow(), null, null);

        Assert.False(second.Applied);
        Assert.Contains("erin", second.Refusal, StringComparison.Ordinal);
        Assert.Equal("erin", incident.AcknowledgedBy);
    }

    [Fact]
    public void TheFirstUpdateOnADetectedIncidentAcknowledgesItAndLaterOnesDoNot()
    {
        var incident = Declared();
        _time.Advance(TimeSpan.FromMinutes(7));
        var first = _time.GetUtcNow();

        var result = incident.PostUpdate("erin", first, "Looking at the replicas", null, null);

        Assert.Equal(IncidentStage.Investigating, incident.Stage);
        Assert.Equal(first, incident.AcknowledgedAt);
        Assert.Equal("erin", incident.AcknowledgedBy);
        Assert.Equal(first, incident.LastPublicUpdateAt);
        Assert.Equal(new IncidentBulletin(2, BulletinKind.Updated, first, "erin", "Looking at the replicas", null, null, null), Assert.Single(result.Bulletins));
        Assert.Equal(new TimelineEntry(first, TimelineEntryKind.Update, IncidentStage.Investigating, "erin", null, null, "Looking at the replicas"), incident.Timeline[^1]);

        _time.Advance(TimeSpan.FromMinutes(4));
        incident.PostUpdate("frank", _time.GetUtcNow(), "Found it", IncidentStage.Identified, null);

        Assert.Equal(IncidentStage.Identified, incident.Stage);
        Assert.Equal(first, incident.AcknowledgedAt);
        Assert.Equal("erin", incident.AcknowledgedBy);
        Assert.Equal(_time.GetUtcNow(), incident.LastPublicUpdateAt);
    }

    [Fact]
    public void AnUpdateWithoutAStageKeepsAnAcknowledgedIncidentAcknowledged()
    {
        var incident = Declared();
        incident.Acknowledge("erin", _time.GetUtcNow(), null, null);

        incident.PostUpdate("erin", _time.GetUtcNow(), "Still looking", null, null);

        Assert.Equal(IncidentStage.Acknowledged, incident.Stage);
    }

    [Theory]
    [InlineData(IncidentStage.Investigating, true)]
    [InlineData(IncidentStage.Identified, true)]
    [InlineData(IncidentStage.Monitoring, true)]
    [InlineData(IncidentStage.Suspected, false)]
    [InlineData(IncidentStage.Detected, false)]
    [InlineData(IncidentStage.Acknowledged, false)]
    [InlineData(IncidentStage.Resolved, false)]
    [InlineData(IncidentStage.Closed, false)]
    [InlineData(IncidentStage.Dismissed, false)]
    public void AnUpdateMovesTheStageOnlyToInvestigatingIdentifiedOrMonitoring(IncidentStage stage, bool applies)
    {
        var incident = Declared();
        incident.PostUpdate("erin", _time.GetUtcNow(), "Looking", null, null);
        var before = Snapshot(incident);

        var result = incident.PostUpdate("erin", _time.GetUtcNow(), "Moving on", stage, null);

        Assert.Equal(applies, result.Applied);
        Assert.Equal(applies ? stage : IncidentStage.Investigating, incident.Stage);
        if (!applies)
        {
            Assert.Equal(before, Snapshot(incident));
        }
    }

    [Fact]
    public void AnEtaThatDiffersFromTheLastOneMakesTheUpdateAnEtaChange()
    {
        var incident = Declared();
        var firstEta = Start.AddHours(2);
        var secondEta = Start.AddHours(3);
        incident.Acknowledge("erin", _time.GetUtcNow(), firstEta, null);

        _time.Advance(TimeSpan.FromMinutes(10));
        var same = Assert.Single(incident.PostUpdate("erin", _time.GetUtcNow(), "Same plan", null, firstEta).Bulletins);
        Assert.Equal(new IncidentBulletin(3, BulletinKind.Updated, _time.GetUtcNow(), "erin", "Same plan", firstEta, null, null), same);
        Assert.Equal(TimelineEntryKind.Update, incident.Timeline[^1].Kind);

        _time.Advance(TimeSpan.FromMinutes(10));
        var moved = Assert.Single(incident.PostUpdate("erin", _time.GetUtcNow(), "Takes longer", null, secondEta).Bulletins);
        Assert.Equal(new IncidentBulletin(4, BulletinKind.EtaChanged, _time.GetUtcNow(), "erin", "Takes longer", secondEta, firstEta, null), moved);
        Assert.Equal(
            new TimelineEntry(_time.GetUtcNow(), TimelineEntryKind.EtaChanged, IncidentStage.Acknowledged, "erin", null, null, "Takes longer", secondEta),
            incident.Timeline[^1]);

        _time.Advance(TimeSpan.FromMinutes(10));
        var silent = Assert.Single(incident.PostUpdate("erin", _time.GetUtcNow(), "No news", null, null).Bulletins);
        Assert.Equal(new IncidentBulletin(5, BulletinKind.Updated, _time.GetUtcNow(), "erin", "No news", secondEta, null, null), silent);
        Assert.Equal(secondEta, incident.Eta);
    }

    [Fact]
    public void TheFirstEtaEverGivenIsAnEtaChangeFromNone()
    {
        var incident = Declared();
        var eta = Start.AddHours(1);

        var bulletin = Assert.Single(incident.PostUpdate("erin", _time.GetUtcNow(), "About an hour", null, eta).Bulletins);

        Assert.Equal(BulletinKind.EtaChanged, bulletin.Kind);
        Assert.Equal(eta, bulletin.Eta);
        Assert.Null(bulletin.PreviousEta);
    }

    [Fact]
    public void BulletinsAreNumberedInTheOrderTheIncidentHandsThemOut()
    {
        var incident = Declared();
        var bulletins = new List<IncidentBulletin>();
        bulletins.AddRange(incident.Declare("db-2", ["db"], "Again", IncidentSeverity.Minor, "dana", null, _time.GetUtcNow()).Bulletins);
        bulletins.AddRange(incident.Acknowledge("erin", Later(5), null, null).Bulletins);
        bulletins.AddRange(incident.Confirm("erin", Later(1), null).Bulletins);
        bulletins.AddRange(incident.PostUpdate("erin", Later(5), "Looking", null, null).Bulletins);
        bulletins.AddRange(incident.PostUpdate("erin", Later(5), "Fix by ten", null, Start.AddHours(1)).Bulletins);
        bulletins.AddRange(incident.ResolveByStaff("erin", Later(5), "Restarted", [], null, []).Bulletins);
        bulletins.AddRange(incident.RunDue(Later(120), IncidentTimings.Default));
        bulletins.AddRange(incident.RunDue(Later(24 * 60), IncidentTimings.Default));

        Assert.Equal(
            [BulletinKind.Acknowledged, BulletinKind.Updated, BulletinKind.EtaChanged, BulletinKind.Resolved, BulletinKind.FollowUp, BulletinKind.Survey],
            bulletins.Select(b => b.Kind));

        // The declaration was 1; refused actions took no number.
        Assert.Equal([2L, 3, 4, 5, 6, 7], bulletins.Select(b => b.Sequence));
        Assert.Equal(7, incident.BulletinSequence);
    }

    [Fact]
    public void ResolvingByStaffRecordsWhatWasDone()
    {
        var incident = Declared();
        incident.Acknowledge("erin", Later(5), null, null);
        var at = Later(40);

        var result = incident.ResolveByStaff("erin", at, "Failed over to the replica", ["Failed over", "Restarted the pool"], 45, ["Alert on replica lag"]);

        Assert.Equal(IncidentStage.Resolved, incident.Stage);
        Assert.False(incident.IsOpen);
        Assert.Equal(at, incident.ResolvedAt);
        var resolution = Assert.IsType<IncidentResolution>(incident.Resolution);
        Assert.Equal("Failed over to the replica", resolution.Summary);
        Assert.Equal(["Failed over", "Restarted the pool"], resolution.ActionsTaken);
        Assert.Equal(45, resolution.TimeSpentMinutes);
        Assert.Equal(["Alert on replica lag"], resolution.FollowUps);
        Assert.Equal("erin", resolution.By);
        Assert.Equal(at, resolution.At);
        Assert.Null(resolution.GeneratedSummary);
        Assert.False(resolution.IsAutomatic);

        var bulletin = Assert.Single(result.Bulletins);
        Assert.Equal(BulletinKind.Resolved, bulletin.Kind);
        Assert.Equal("Failed over to the replica", bulletin.Message);
        Assert.Same(resolution, bulletin.Resolution);
        Assert.Equal(new TimelineEntry(at, TimelineEntryKind.Resolved, IncidentStage.Resolved, "erin", null, null, "Failed over to the replica"), incident.Timeline[^1]);
    }

    [Fact]
    public void AStaffResolveAfterMonitoringResolvedAddsTheSummaryOnceAndKeepsTheGeneratedOne()
    {
        var incident = OpenedByMonitoring();
        _time.Advance(TimeSpan.FromMinutes(20));
        Assert.True(incident.Apply(Transition(ServiceTransitionKind.Resolve, 2, ServiceStatus.Operational)));
        var resolvedAt = _time.GetUtcNow();
        var generated = Assert.IsType<IncidentResolution>(incident.Resolution);
        Assert.True(generated.IsAutomatic);
        Assert.Contains("20 minutes", generated.Summary, StringComparison.Ordinal);
        Assert.Equal(generated.Summary, generated.GeneratedSummary);

        var at = Later(15);
        var result = incident.ResolveByStaff("erin", at, "A bad deploy, rolled back", ["Rolled back"], 30, []);

        Assert.True(result.Applied);
        Assert.Equal(IncidentStage.Resolved, incident.Stage);
        Assert.Equal(resolvedAt, incident.ResolvedAt);
        var resolution = Assert.IsType<IncidentResolution>(incident.Resolution);
        Assert.Equal("A bad deploy, rolled back", resolution.Summary);
        Assert.Equal(generated.GeneratedSummary, resolution.GeneratedSummary);
        Assert.Equal("erin", resolution.By);
        Assert.Equal(at, resolution.At);
        Assert.False(resolution.IsAutomatic);
        var bulletin = Assert.Single(result.Bulletins);
        Assert.Equal(BulletinKind.Resolved, bulletin.Kind);
        Assert.Same(resolution, bulletin.Resolution);
        Assert.Equal(new TimelineEntry(at, TimelineEntryKind.SummaryAdded, IncidentStage.Resolved, "erin", null, null, "A bad deploy, rolled back"), incident.Timeline[^1]);

        var before = Snapshot(incident);
        var second = incident.ResolveByStaff("frank", Later(5), "Something else", [], null, []);

        Assert.False(second.Applied);
        Assert.Contains("erin", second.Refusal, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(incident));
        Assert.Single(incident.Timeline, e => e.Kind == TimelineEntryKind.SummaryAdded);
    }

    [Fact]
    public void AStaffSummaryIsStillAddedAfterTheFollowUpClosedAMonitoringResolvedIncident()
    {
        var incident = OpenedByMonitoring();
        incident.Apply(Transition(ServiceTransitionKind.Resolve, 2, ServiceStatus.Operational));
        incident.RunDue(Later(120), IncidentTimings.Default);
        Assert.Equal(IncidentStage.Closed, incident.Stage);

        var result = incident.ResolveByStaff("erin", Later(5), "Rolled back", [], null, []);

        Assert.True(result.Applied);
        Assert.Equal(IncidentStage.Closed, incident.Stage);
        Assert.Equal("Rolled back", incident.Resolution?.Summary);
        Assert.NotNull(incident.Resolution?.GeneratedSummary);
    }

    [Fact]
    public void AReportOpensASuspectedIncidentThatTellsTheReporterAndTheResponders()
    {
        var incident = new Incident();
        var report = new IncidentReport("acme", "alice", "Checkout fails", _time.GetUtcNow());

        var result = incident.Report("db-1", ["checkout"], "Checkout fails for Acme", report);

        Assert.Equal(IncidentStage.Suspected, incident.Stage);
        Assert.Equal(IncidentOrigin.Reported, incident.Origin);
        Assert.Equal(IncidentSeverity.Minor, incident.Severity);
        Assert.Equal(["checkout"], incident.ServiceIds);
        Assert.Equal(Start, incident.OpenedAt);
        Assert.True(incident.IsOpen);
        Assert.False(incident.IsConfirmed);
        Assert.Equal([report], incident.Reports);
        Assert.Equal(
            [
                new IncidentBulletin(1, BulletinKind.ReportReceived, Start, "client:acme", "Checkout fails", null, null, null, "acme", "alice"),
                new IncidentBulletin(2, BulletinKind.Reported, Start, "client:acme", "Checkout fails", null, null, null, "acme", "alice"),
            ],
            result.Bulletins);
        Assert.Equal(new TimelineEntry(Start, TimelineEntryKind.Reported, IncidentStage.Suspected, "client:acme", null, null, "Checkout fails"), Assert.Single(incident.Timeline));
    }

    [Fact]
    public void AnotherReportOnAKnownIncidentTellsThatReporterTheEta()
    {
        var incident = Declared();
        var eta = Start.AddHours(1);
        incident.Acknowledge("erin", Later(5), eta, null);
        var report = new IncidentReport("globex", null, "Orders time out", Later(3));

        var result = incident.AddReport(report);

        Assert.Equal(
            [
                new IncidentBulletin(3, BulletinKind.ReportReceived, report.At, "client:globex", "Orders time out", eta, null, null, "globex", null),
                new IncidentBulletin(4, BulletinKind.Reported, report.At, "client:globex", "Orders time out", null, null, null, "globex", null),
            ],
            result.Bulletins);
        Assert.Equal([report], incident.Reports);
        Assert.Equal(IncidentStage.Acknowledged, incident.Stage);
    }

    [Fact]
    public void ConfirmingAReportMakesItADetectedIncidentEveryAffectedClientHearsOf()
    {
        var incident = Reported();
        var at = Later(6);

        var result = incident.Confirm("erin", at, "We can reproduce it");

        Assert.Equal(IncidentStage.Detected, incident.Stage);
        Assert.True(incident.IsConfirmed);
        Assert.Equal(IncidentOrigin.Reported, incident.Origin);
        Assert.Equal(at, incident.LastPublicUpdateAt);
        Assert.Equal(new IncidentBulletin(3, BulletinKind.Confirmed, at, "erin", "We can reproduce it", null, null, null), Assert.Single(result.Bulletins));
        Assert.Equal(new TimelineEntry(at, TimelineEntryKind.Confirmed, IncidentStage.Detected, "erin", null, null, "We can reproduce it"), incident.Timeline[^1]);
    }

    [Fact]
    public void DismissingAReportEndsIt()
    {
        var incident = Reported();
        var at = Later(6);

        var result = incident.Dismiss("erin", at, "Works for us");

        Assert.Equal(IncidentStage.Dismissed, incident.Stage);
        Assert.False(incident.IsOpen);
        Assert.False(incident.IsConfirmed);
        Assert.Equal(at, incident.ResolvedAt);
        Assert.Equal(new IncidentBulletin(3, BulletinKind.Dismissed, at, "erin", "Works for us", null, null, null), Assert.Single(result.Bulletins));
        Assert.Equal(new TimelineEntry(at, TimelineEntryKind.Dismissed, IncidentStage.Dismissed, "erin", null, null, "Works for us"), incident.Timeline[^1]);
    }

    [Fact]
    public void NotFixedFeedbackReopensTheIncidentAndTellsTheClientAndTheResponders()
    {
        var incident = ClosedAndSurveyed();
        Assert.NotNull(incident.FollowUpSentAt);
        Assert.NotNull(incident.SurveySentAt);
        var at = Later(10);

        var result = incident.RecordFeedback(new IncidentFeedback("acme", "alice", false, 2, "Still failing", at));

        Assert.True(result.Applied);
        Assert.Equal(1, incident.ReopenCount);
        Assert.Equal(IncidentStage.Detected, incident.Stage);
        Assert.True(incident.IsOpen);
        Assert.Null(incident.ResolvedAt);
        Assert.Null(incident.Resolution);
        Assert.Null(incident.FollowUpSentAt);
        Assert.Null(incident.SurveySentAt);
        Assert.Null(incident.ClosedAt);
        Assert.Equal(at, incident.LastPublicUpdateAt);
        var sequence = incident.BulletinSequence;
        Assert.Equal(
            [
                new IncidentBulletin(sequence - 1, BulletinKind.ReopenedForClient, at, "client:acme", "Still failing", null, null, null, "acme", "alice"),
                new IncidentBulletin(sequence, BulletinKind.Reopened, at, "client:acme", "Still failing", null, null, null, "acme", "alice"),
            ],
            result.Bulletins);
        Assert.Equal(
            [
                new TimelineEntry(at, TimelineEntryKind.Feedback, IncidentStage.Closed, "client:acme", null, null, "not fixed, rated 2/5: Still failing"),
                new TimelineEntry(at, TimelineEntryKind.Reopened, IncidentStage.Detected, "client:acme", null, null, "Still failing"),
            ],
            incident.Timeline[^2..]);
    }

    [Fact]
    public void FixedFeedbackIsRecordedAndLeavesTheIncidentClosed()
    {
        var incident = ClosedAndSurveyed();
        var feedback = new IncidentFeedback("acme", "alice", true, 5, null, Later(10));

        var result = incident.RecordFeedback(feedback);

        Assert.True(result.Applied);
        Assert.Empty(result.Bulletins);
        Assert.Equal(IncidentStage.Closed, incident.Stage);
        Assert.Equal(0, incident.ReopenCount);
        Assert.NotNull(incident.Resolution);
        Assert.Equal([feedback], incident.Feedback);
        Assert.Equal(new TimelineEntry(feedback.At, TimelineEntryKind.Feedback, IncidentStage.Closed, "client:acme", null, null, "fixed, rated 5/5"), incident.Timeline[^1]);
    }

    [Fact]
    public void FeedbackReplacesTheSameContactsEarlierAnswerOnly()
    {
        var incident = ClosedAndSurveyed();
        incident.RecordFeedback(new IncidentFeedback("acme", "alice", true, 2, null, Later(1)));
        incident.RecordFeedback(new IncidentFeedback("acme", "bob", true, 4, null, Later(1)));
        incident.RecordFeedback(new IncidentFeedback("acme", null, true, 3, null, Later(1)));
        incident.RecordFeedback(new IncidentFeedback("globex", "alice", true, 1, null, Later(1)));
        var latest = new IncidentFeedback("acme", "alice", true, 5, "Thanks", Later(1));

        incident.RecordFeedback(latest);

        Assert.Equal(4, incident.Feedback.Count);
        Assert.Equal(latest, Assert.Single(incident.Feedback, f => f is { ClientId: "acme", ContactId: "alice" }));
        Assert.Equal((13 / 4.0, 4), incident.Ratings());
    }

    [Fact]
    public void NotFixedOnAnIncidentAlreadyReopenedIsRecordedWithoutReopeningItAgain()
    {
        var incident = ClosedAndSurveyed();
        incident.RecordFeedback(new IncidentFeedback("acme", "alice", false, null, null, Later(1)));
        var sequence = incident.BulletinSequence;

        var result = incident.RecordFeedback(new IncidentFeedback("acme", "bob", false, null, "Same here", Later(1)));

        Assert.True(result.Applied);
        Assert.Empty(result.Bulletins);
        Assert.Equal(1, incident.ReopenCount);
        Assert.Equal(sequence, incident.BulletinSequence);
        Assert.Equal(2, incident.Feedback.Count);
    }

    [Fact]
    public void MonitoringConfirmsASuspectedReportAsADetectedIncident()
    {
        var incident = Reported();
        _time.Advance(TimeSpan.FromMinutes(3));

        Assert.True(incident.Apply(Transition(ServiceTransitionKind.Confirm, 5, ServiceStatus.MajorOutage)));

        Assert.Equal(IncidentStage.Detected, incident.Stage);
        Assert.True(incident.IsConfirmed);
        Assert.Equal(IncidentSeverity.Critical, incident.Severity);
        Assert.Equal(_time.GetUtcNow(), incident.LastPublicUpdateAt);
        Assert.Equal(
            new TimelineEntry(_time.GetUtcNow(), TimelineEntryKind.Confirmed, IncidentStage.Detected, "blackbox", "db", ServiceStatus.MajorOutage, "seq 5"),
            incident.Timeline[^1]);
    }

    [Fact]
    public void MonitoringConfirmsAReportEvenAfterOpsDismissedIt()
    {
        var incident = Reported();
        incident.Dismiss("erin", Later(5), "Works for us");
        _time.Advance(TimeSpan.FromMinutes(3));

        Assert.True(incident.Apply(Transition(ServiceTransitionKind.Confirm, 5, ServiceStatus.PartialOutage)));

        Assert.Equal(IncidentStage.Detected, incident.Stage);
        Assert.True(incident.IsOpen);
        Assert.Equal(IncidentSeverity.Major, incident.Severity);
        Assert.Equal(TimelineEntryKind.Confirmed, incident.Timeline[^1].Kind);

        // Open again, so it is not resolved any more (as a reopen clears it).
        Assert.Null(incident.ResolvedAt);
    }

    [Fact]
    public void MonitoringConfirmingAnIncidentAlreadyConfirmedIsAnUpdate()
    {
        var incident = Declared();
        _time.Advance(TimeSpan.FromMinutes(3));

        Assert.True(incident.Apply(Transition(ServiceTransitionKind.Confirm, 5, ServiceStatus.MajorOutage)));

        Assert.Equal(IncidentStage.Detected, incident.Stage);
        Assert.Equal(IncidentSeverity.Critical, incident.Severity);
        Assert.Equal(TimelineEntryKind.StatusChanged, incident.Timeline[^1].Kind);
    }

    [Theory]
    [InlineData(ServiceTransitionKind.Update)]
    [InlineData(ServiceTransitionKind.Confirm)]
    public void AnOutageOnAnIncidentThatNeverCameToBeOpensIt(ServiceTransitionKind kind)
    {
        var incident = new Incident();

        Assert.True(incident.Apply(Transition(kind, 7, ServiceStatus.PartialOutage)));

        Assert.Equal("db-1", incident.Id);
        Assert.Equal(IncidentStage.Detected, incident.Stage);
        Assert.Equal(IncidentOrigin.Monitoring, incident.Origin);
        Assert.Equal(IncidentSeverity.Major, incident.Severity);
        Assert.Equal(Start, incident.OpenedAt);
        Assert.Equal(TimelineEntryKind.Opened, Assert.Single(incident.Timeline).Kind);
    }

    [Fact]
    public void AMonitoringReopenClearsTheResolutionAndCountsTheReopen()
    {
        var incident = OpenedByMonitoring();
        incident.Apply(Transition(ServiceTransitionKind.Resolve, 2, ServiceStatus.Operational));
        incident.RunDue(Later(120), IncidentTimings.Default);
        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.True(incident.Apply(Transition(ServiceTransitionKind.Reopen, 3, ServiceStatus.MajorOutage)));

        Assert.Equal(IncidentStage.Detected, incident.Stage);
        Assert.Equal(1, incident.ReopenCount);
        Assert.Null(incident.ResolvedAt);
        Assert.Null(incident.Resolution);
        Assert.Null(incident.FollowUpSentAt);
        Assert.Null(incident.ClosedAt);
        Assert.Equal(_time.GetUtcNow(), incident.LastPublicUpdateAt);
    }

    private static TheoryData<Starting, TAction, bool> Cases<TAction>(Dictionary<TAction, Starting[]> appliesAt)
        where TAction : struct, Enum
    {
        var cases = new TheoryData<Starting, TAction, bool>();
        foreach (var action in Enum.GetValues<TAction>())
        {
            foreach (var starting in Enum.GetValues<Starting>())
            {
                cases.Add(starting, action, appliesAt[action].Contains(starting));
            }
        }

        return cases;
    }

    private static string Snapshot(Incident incident) => JsonSerializer.Serialize(incident);

    private DateTimeOffset Later(int minutes)
    {
        _time.Advance(TimeSpan.FromMinutes(minutes));
        return _time.GetUtcNow();
    }

    private ServiceTransition Transition(ServiceTransitionKind kind, long sequence, ServiceStatus to) =>
        new(kind, "db-1", "db", new StatusChange(sequence, ServiceStatus.Operational, to, _time.GetUtcNow(), "blackbox", "http", $"seq {sequence}"));

    private static ServiceStatus StatusFor(ServiceTransitionKind kind) => kind switch
    {
        ServiceTransitionKind.Resolve => ServiceStatus.Operational,
        ServiceTransitionKind.Update => ServiceStatus.PartialOutage,
        _ => ServiceStatus.MajorOutage,
    };

    private IncidentActionResult Run(Incident incident, Command command)
    {
        var now = _time.GetUtcNow();
        return command switch
        {
            Command.Declare => incident.Declare("db-9", ["db"], "Declared again", IncidentSeverity.Minor, "frank", null, now),
            Command.Report => incident.Report("db-9", ["db"], "Reported again", new IncidentReport("globex", null, "Broken?", now)),
            Command.Acknowledge => incident.Acknowledge("frank", now, now.AddHours(1), "Looking"),
            Command.PostUpdate => incident.PostUpdate("frank", now, "Progress", null, null),
            Command.PostUpdateMovingToResolved => incident.PostUpdate("frank", now, "Done?", IncidentStage.Resolved, null),
            Command.ResolveByStaff => incident.ResolveByStaff("frank", now, "Fixed it", ["Restarted"], 10, []),
            Command.Confirm => incident.Confirm("frank", now, null),
            Command.Dismiss => incident.Dismiss("frank", now, null),
            Command.AddReport => incident.AddReport(new IncidentReport("globex", null, "Same here", now)),
            Command.FixedFeedback => incident.RecordFeedback(new IncidentFeedback("globex", "gina", true, 4, null, now)),
            Command.NotFixedFeedback => incident.RecordFeedback(new IncidentFeedback("globex", "gina", false, 1, "Still broken", now)),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, null),
        };
    }

    private Incident At(Starting starting)
    {
        switch (starting)
        {
            case Starting.None:
                return new Incident();
            case Starting.Suspected:
                return Reported();
            case Starting.Detected:
                return Declared();
            case Starting.ResolvedByMonitoring:
                var byMonitoring = OpenedByMonitoring();
                _time.Advance(TimeSpan.FromMinutes(20));
                Assert.True(byMonitoring.Apply(Transition(ServiceTransitionKind.Resolve, 2, ServiceStatus.Operational)));
                return byMonitoring;
            case Starting.Dismissed:
                var dismissed = Reported();
                Assert.True(dismissed.Dismiss("dana", Later(5), null).Applied);
                return dismissed;
            case Starting.Closed:
                var closed = At(Starting.Resolved);
                Assert.Contains(closed.RunDue(Later(120), IncidentTimings.Default), b => b.Kind == BulletinKind.FollowUp);
                Assert.Equal(IncidentStage.Closed, closed.Stage);
                return closed;
        }

        var incident = Declared();
        var moved = starting switch
        {
            Starting.Acknowledged => incident.Acknowledge("dana", Later(5), null, "On it"),
            Starting.Investigating => incident.PostUpdate("dana", Later(5), "Looking", null, null),
            Starting.Identified => incident.PostUpdate("dana", Later(5), "Found it", IncidentStage.Identified, null),
            Starting.Monitoring => incident.PostUpdate("dana", Later(5), "Watching", IncidentStage.Monitoring, null),
            Starting.Resolved => incident.ResolveByStaff("dana", Later(30), "Restarted the database", [], null, []),
            _ => throw new ArgumentOutOfRangeException(nameof(starting), starting, null),
        };
        Assert.True(moved.Applied);
        Assert.Equal(starting.ToString(), incident.Stage.ToString());
        return incident;
    }

    private Incident Declared()
    {
        var incident = new Incident();
        Assert.True(incident.Declare("db-1", ["db"], "Customer database down", IncidentSeverity.Major, "dana", "We see errors", _time.GetUtcNow()).Applied);
        return incident;
    }

    private Incident Reported()
    {
        var incident = new Incident();
        Assert.True(incident.Report("db-1", ["db"], "Checkout fails", new IncidentReport("acme", "alice", "Checkout fails", _time.GetUtcNow())).Applied);
        return incident;
    }

    private Incident OpenedByMonitoring()
    {
        var incident = new Incident();
        Assert.True(incident.Apply(Transition(ServiceTransitionKind.Open, 1, ServiceStatus.MajorOutage)));
        return incident;
    }

    private Incident ClosedAndSurveyed()
    {
        var incident = At(Starting.Closed);
        Assert.Contains(incident.RunDue(Later(24 * 60), IncidentTimings.Default), b => b.Kind == BulletinKind.Survey);
        return incident;
    }
}
