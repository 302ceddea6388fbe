using Microsoft.Extensions.Time.Testing;
using UptimeCoordinator.Domain.Incidents;

namespace UptimeCoordinator.Domain.Tests.Incidents;

/// <summary>The scheduled steps: nudges while an incident is quiet, then the follow-up and the survey after it is resolved.</summary>
public sealed class IncidentAgendaTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly IncidentTimings Timings = new(TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(24));

    private readonly FakeTimeProvider _time = new(Start);

    [Fact]
    public void NothingIsDueForAnIncidentThatDoesNotExist()
    {
        var incident = new Incident();

        Assert.Null(incident.NextDueAt(Timings));
        Assert.Empty(incident.RunDue(Start.AddDays(3), Timings));
    }

    [Fact]
    public void TheNudgeIsDueOneUpdateIntervalAfterTheLastPublicUpdate()
    {
        var incident = Declared();

        Assert.Equal(Start.AddMinutes(30), incident.NextDueAt(Timings));
        Assert.Empty(incident.RunDue(Start.AddMinutes(29), Timings));
        Assert.DoesNotContain(incident.Timeline, e => e.Kind == TimelineEntryKind.RespondersNudged);
    }

    [Fact]
    public void AQuietConfirmedIncidentNudgesTheRespondersAndGivesTheClientsAHoldingUpdate()
    {
        var incident = Declared();
        var eta = Start.AddHours(2);
        incident.Acknowledge("erin", _time.GetUtcNow(), eta, null);
        _time.Advance(Timings.UpdateInterval);
        var now = _time.GetUtcNow();

        var bulletins = incident.RunDue(now, Timings);

        Assert.Equal(
            [
                new IncidentBulletin(3, BulletinKind.Nudge, now, Incident.System, "No update for 30 minutes.", null, null, null),
                new IncidentBulletin(4, BulletinKind.StillWorking, now, Incident.System, null, eta, null, null),
            ],
            bulletins);
        Assert.Equal(now, incident.LastNudgeAt);
        Assert.Equal(now, incident.LastPublicUpdateAt);
        Assert.Equal(
            [
                new TimelineEntry(now, TimelineEntryKind.RespondersNudged, IncidentStage.Acknowledged, Incident.System, null, null, "No update for 30 minutes."),
                new TimelineEntry(now, TimelineEntryKind.StillWorking, IncidentStage.Acknowledged, Incident.System, null, null, null, eta),
            ],
            incident.Timeline[^2..]);
    }

    [Fact]
    public void NudgesRepeatEveryIntervalWhileNobodyPostsAnUpdate()
    {
        var incident = Declared();
        var kinds = new List<BulletinKind>();

        for (var i = 1; i <= 3; i++)
        {
            var due = Assert.IsType<DateTimeOffset>(incident.NextDueAt(Timings));
            Assert.Equal(Start + (i * Timings.UpdateInterval), due);
            _time.Advance(due - _time.GetUtcNow());
            kinds.AddRange(incident.RunDue(_time.GetUtcNow(), Timings).Select(b => b.Kind));
        }

        Assert.Equal(
            [BulletinKind.Nudge, BulletinKind.StillWorking, BulletinKind.Nudge, BulletinKind.StillWorking, BulletinKind.Nudge, BulletinKind.StillWorking],
            kinds);
    }

    [Fact]
    public void AStaffUpdatePushesTheNudgeBack()
    {
        var incident = Declared();
        _time.Advance(TimeSpan.FromMinutes(20));

        incident.PostUpdate("erin", _time.GetUtcNow(), "Looking", null, null);

        Assert.Equal(Start.AddMinutes(50), incident.NextDueAt(Timings));
        Assert.Empty(incident.RunDue(Start.AddMinutes(30), Timings));
        Assert.Equal(BulletinKind.Nudge, incident.RunDue(Start.AddMinutes(50), Timings)[0].Kind);
    }

    [Fact]
    public void ALateWakeUpNudgesOnceAndSaysHowLongItWasQuiet()
    {
        var incident = Declared();
        _time.Advance(TimeSpan.FromMinutes(95));

        var bulletins = incident.RunDue(_time.GetUtcNow(), Timings);

        Assert.Equal([BulletinKind.Nudge, BulletinKind.StillWorking], bulletins.Select(b => b.Kind));
        Assert.Equal("No update for 1 hour 35 minutes.", bulletins[0].Message);
        Assert.Equal(_time.GetUtcNow() + Timings.UpdateInterval, incident.NextDueAt(Timings));
    }

    [Fact]
    public void ASuspectedIncidentNudgesOnlyTheResponders()
    {
        var incident = new Incident();
        incident.Report("db-1", ["db"], "Checkout fails", new IncidentReport("acme", "alice", "Checkout fails", Start));
        _time.Advance(Timings.UpdateInterval);

        var bulletins = incident.RunDue(_time.GetUtcNow(), Timings);

        Assert.Equal(BulletinKind.Nudge, Assert.Single(bulletins).Kind);
        Assert.Equal(Start, incident.LastPublicUpdateAt);
        Assert.Equal(_time.GetUtcNow(), incident.LastNudgeAt);
        Assert.DoesNotContain(incident.Timeline, e => e.Kind == TimelineEntryKind.StillWorking);

        // Counted from the nudge, since the clients heard nothing new.
        Assert.Equal(Start.AddMinutes(60), incident.NextDueAt(Timings));
        Assert.Empty(incident.RunDue(Start.AddMinutes(59), Timings));
        Assert.Equal(BulletinKind.Nudge, Assert.Single(incident.RunDue(Start.AddMinutes(60), Timings)).Kind);
    }

    [Fact]
    public void RunningTheAgendaTwiceAtTheSameTimeHandsNothingOutTheSecondTime()
    {
        var incident = Declared();
        var nudgeAt = Start.AddMinutes(30);
        Assert.NotEmpty(incident.RunDue(nudgeAt, Timings));
        var sequence = incident.BulletinSequence;
        var entries = incident.Timeline.Count;

        Assert.Empty(incident.RunDue(nudgeAt, Timings));
        Assert.Equal(sequence, incident.BulletinSequence);
        Assert.Equal(entries, incident.Timeline.Count);

        var resolvedAt = Start.AddMinutes(40);
        incident.ResolveByStaff("erin", resolvedAt, "Restarted", [], null, []);
        var both = resolvedAt + Timings.SurveyDelay;
        Assert.Equal(2, incident.RunDue(both, Timings).Count);
        Assert.Empty(incident.RunDue(both, Timings));
    }

    [Fact]
    public void TheFollowUpGoesOutAfterTheDelayWithTheResolutionAndClosesTheIncident()
    {
        var (incident, resolvedAt) = Resolved();
        var followUpAt = resolvedAt + Timings.FollowUpDelay;

        Assert.Equal(followUpAt, incident.NextDueAt(Timings));
        Assert.Empty(incident.RunDue(followUpAt.AddSeconds(-1), Timings));

        var bulletin = Assert.Single(incident.RunDue(followUpAt, Timings));

        Assert.Equal(BulletinKind.FollowUp, bulletin.Kind);
        Assert.Equal(followUpAt, bulletin.At);
        Assert.Equal(Incident.System, bulletin.By);
        Assert.Same(incident.Resolution, bulletin.Resolution);
        Assert.Equal(IncidentStage.Closed, incident.Stage);
        Assert.Equal(followUpAt, incident.ClosedAt);
        Assert.Equal(followUpAt, incident.FollowUpSentAt);
        Assert.Equal(new TimelineEntry(followUpAt, TimelineEntryKind.FollowUpSent, IncidentStage.Closed, Incident.System, null, null, null), incident.Timeline[^1]);
    }

    [Fact]
    public void TheSurveyGoesOutAfterItsDelayAndThenNothingIsDue()
    {
        var (incident, resolvedAt) = Resolved();
        incident.RunDue(resolvedAt + Timings.FollowUpDelay, Timings);
        var surveyAt = resolvedAt + Timings.SurveyDelay;

        Assert.Equal(surveyAt, incident.NextDueAt(Timings));
        Assert.Empty(incident.RunDue(surveyAt.AddSeconds(-1), Timings));

        var bulletin = Assert.Single(incident.RunDue(surveyAt, Timings));

        Assert.Equal(BulletinKind.Survey, bulletin.Kind);
        Assert.Same(incident.Resolution, bulletin.Resolution);
        Assert.Equal(surveyAt, incident.SurveySentAt);
        Assert.Equal(IncidentStage.Closed, incident.Stage);
        Assert.Equal(TimelineEntryKind.SurveySent, incident.Timeline[^1].Kind);
        Assert.Null(incident.NextDueAt(Timings));
        Assert.Empty(incident.RunDue(surveyAt.AddDays(30), Timings));
    }

    [Fact]
    public void TheSurveyNeverOvertakesTheFollowUp()
    {
        var quickSurvey = Timings with { SurveyDelay = TimeSpan.FromHours(1) };
        var (incident, resolvedAt) = Resolved();
        var followUpAt = resolvedAt + quickSurvey.FollowUpDelay;

        Assert.Equal(followUpAt, incident.NextDueAt(quickSurvey));
        Assert.Empty(incident.RunDue(resolvedAt + quickSurvey.SurveyDelay, quickSurvey));

        var bulletins = incident.RunDue(followUpAt, quickSurvey);

        Assert.Equal([BulletinKind.FollowUp, BulletinKind.Survey], bulletins.Select(b => b.Kind));
        Assert.True(bulletins[0].Sequence < bulletins[1].Sequence);
        Assert.Equal(followUpAt, incident.SurveySentAt);
    }

    [Fact]
    public void AWakeUpLongAfterBothDelaysSendsTheFollowUpThenTheSurveyOnce()
    {
        var (incident, resolvedAt) = Resolved();

        var bulletins = incident.RunDue(resolvedAt.AddDays(3), Timings);

        Assert.Equal([BulletinKind.FollowUp, BulletinKind.Survey], bulletins.Select(b => b.Kind));
        Assert.Null(incident.NextDueAt(Timings));
    }

    [Fact]
    public void AResolvedIncidentIsNeverNudged()
    {
        var (incident, resolvedAt) = Resolved();

        var bulletins = incident.RunDue(resolvedAt + Timings.FollowUpDelay, Timings);

        Assert.DoesNotContain(bulletins, b => b.Kind is BulletinKind.Nudge or BulletinKind.StillWorking);
    }

    [Fact]
    public void ADismissedReportGetsNoFollowUpOrSurvey()
    {
        var incident = new Incident();
        incident.Report("db-1", ["db"], "Checkout fails", new IncidentReport("acme", "alice", "Checkout fails", Start));
        incident.Dismiss("erin", Start.AddMinutes(10), "Works for us");

        Assert.Null(incident.NextDueAt(Timings));
        Assert.Empty(incident.RunDue(Start.AddDays(3), Timings));
        Assert.Null(incident.FollowUpSentAt);
        Assert.Equal(IncidentStage.Dismissed, incident.Stage);
    }

    [Fact]
    public void AnIncidentReopenedByFeedbackStartsItsAgendaAgain()
    {
        var (incident, resolvedAt) = Resolved();
        incident.RunDue(resolvedAt.AddDays(2), Timings);
        var reopenedAt = resolvedAt.AddDays(2).AddHours(1);
        incident.RecordFeedback(new IncidentFeedback("acme", "alice", false, null, "Still broken", reopenedAt));

        Assert.Equal(reopenedAt + Timings.UpdateInterval, incident.NextDueAt(Timings));
    }

    private Incident Declared()
    {
        var incident = new Incident();
        Assert.True(incident.Declare("db-1", ["db"], "Customer database down", IncidentSeverity.Major, "dana", null, _time.GetUtcNow()).Applied);
        return incident;
    }

    private (Incident Incident, DateTimeOffset ResolvedAt) Resolved()
    {
        var incident = Declared();
        _time.Advance(TimeSpan.FromMinutes(25));
        Assert.True(incident.ResolveByStaff("erin", _time.GetUtcNow(), "Restarted", [], null, []).Applied);
        return (incident, _time.GetUtcNow());
    }
}
