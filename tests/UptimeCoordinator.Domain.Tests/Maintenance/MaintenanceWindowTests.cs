using Microsoft.Extensions.Time.Testing;
using UptimeCoordinator.Domain.Maintenance;
using static UptimeCoordinator.Domain.Tests.Maintenance.MaintenanceScenario;

namespace UptimeCoordinator.Domain.Tests.Maintenance;

/// <summary>A window's life, driven by a fake clock the way a grain's reminders drive it.</summary>
public sealed class MaintenanceWindowTests
{
    private static readonly TimeSpan OneHour = TimeSpan.FromHours(1);
    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);
    private static readonly TimeSpan ThreeDays = TimeSpan.FromDays(3);

    private readonly FakeTimeProvider _time = new(AnnouncedAt);

    private DateTimeOffset Now => _time.GetUtcNow();

    private MaintenanceWindow Scheduled() => Schedule(Now).Window;

    private void AdvanceTo(DateTimeOffset at) => _time.Advance(at - Now);

    [Fact]
    public void SchedulingAnnouncesTheWindowAndKeepsEveryReminderStillAhead()
    {
        var (window, bulletin) = Schedule(Now);

        Assert.Equal(MaintenanceStage.Scheduled, window.Stage);
        Assert.Equal(Now, window.AnnouncedAt);
        Assert.Equal(0, window.Revision);
        Assert.Equal([ThreeDays, OneDay, OneHour], window.RemindersDue);
        Assert.Equal(new MaintenanceBulletin(1, MaintenanceBulletinKind.Scheduled, Now, 0, Now, Start, End), bulletin with { RemindersAhead = null });
        Assert.Equal([ThreeDays, OneDay, OneHour], bulletin.RemindersAhead);
        Assert.Equal([bulletin], window.Bulletins);
    }

    [Fact]
    public void SchedulingAtShortNoticeDropsTheRemindersAlreadyPast()
    {
        AdvanceTo(Start - TimeSpan.FromDays(2));

        Assert.Equal([OneDay, OneHour], Scheduled().RemindersDue);
    }

    [Fact]
    public void ALeadExactlyAsLongAsTheNoticeGivenIsCoveredByTheAnnouncement()
    {
        AdvanceTo(Start - OneDay);

        Assert.Equal([OneHour], Scheduled().RemindersDue);
    }

    [Fact]
    public void NextDueAtRunsThroughTheRemindersThenTheStartThenTheEnd()
    {
        var window = Scheduled();
        var seen = new List<(DateTimeOffset At, MaintenanceBulletinKind Kind)>();
        while (window.NextDueAt() is { } due)
        {
            AdvanceTo(due);
            var bulletin = window.RemindIfDue(Now) ?? window.Begin(Now) ?? window.Complete(Now, null);
            seen.Add((Now, Assert.IsType<MaintenanceBulletin>(bulletin).Kind));
        }

        Assert.Equal(
            [
                (Start - ThreeDays, MaintenanceBulletinKind.Reminder),
                (Start - OneDay, MaintenanceBulletinKind.Reminder),
                (Start - OneHour, MaintenanceBulletinKind.Reminder),
                (Start, MaintenanceBulletinKind.Started),
                (End, MaintenanceBulletinKind.Completed),
            ],
            seen);
        Assert.Equal([1L, 2, 3, 4, 5, 6], window.Bulletins.Select(b => b.Sequence));
        Assert.Equal([ThreeDays, OneDay, OneHour], window.Bulletins.Where(b => b.LeadTime is not null).Select(b => b.LeadTime!.Value));
    }

    [Fact]
    public void NoReminderIsDueBeforeItsTime()
    {
        var window = Scheduled();
        AdvanceTo(Start - ThreeDays - TimeSpan.FromSeconds(1));

        Assert.Null(window.RemindIfDue(Now));
        Assert.Equal(3, window.RemindersDue.Count);
    }

    [Fact]
    public void RemindersThatCameDueTogetherMakeOneTheNearestToTheStart()
    {
        var window = Scheduled();
        AdvanceTo(Start - TimeSpan.FromMinutes(30));

        var reminder = window.RemindIfDue(Now);

        Assert.Equal(MaintenanceBulletinKind.Reminder, reminder!.Kind);
        Assert.Equal(OneHour, reminder.LeadTime);
        Assert.Empty(reminder.RemindersAhead!);
        Assert.Empty(window.RemindersDue);
        Assert.Null(window.RemindIfDue(Now));
        Assert.Equal(Start, window.NextDueAt());
    }

    [Fact]
    public void NoReminderGoesOutOnceTheStartHasCome()
    {
        var window = Scheduled();
        AdvanceTo(Start);

        Assert.Null(window.RemindIfDue(Now));
        Assert.NotNull(window.Begin(Now));
        Assert.Empty(window.RemindersDue);
        Assert.Equal(End, window.NextDueAt());
    }

    [Fact]
    public void TheWorkBeginsOnlyWhenDueAndOnlyOnce()
    {
        var window = Scheduled();
        AdvanceTo(Start - TimeSpan.FromSeconds(1));
        Assert.False(window.IsStartDue(Now));
        Assert.Null(window.Begin(Now));

        AdvanceTo(Start + TimeSpan.FromMinutes(3));
        var started = window.Begin(Now);

        Assert.Equal(MaintenanceBulletinKind.Started, started!.Kind);
        Assert.Equal(Now, started.At);
        Assert.Equal(MaintenanceStage.InProgress, window.Stage);
        Assert.Equal(Start, window.StartedAt);
        Assert.Null(window.Begin(Now));
    }

    [Fact]
    public void TheWindowCompletesOnlyOnceBegunAndDueAndOnlyOnce()
    {
        var window = Scheduled();
        AdvanceTo(End);
        Assert.False(window.IsEndDue(Now));
        Assert.Null(window.Complete(Now, null));

        window.Begin(Now);
        var completed = window.Complete(Now, null);

        Assert.Equal(MaintenanceBulletinKind.Completed, completed!.Kind);
        Assert.Equal(MaintenanceStage.Completed, window.Stage);
        Assert.Equal(End, window.CompletedAt);
        Assert.False(window.Overran);
        Assert.Null(window.Complete(Now, null));
        Assert.Null(window.NextDueAt());
    }

    [Fact]
    public void TheWindowDoesNotCompleteBeforeItsEnd()
    {
        var window = Scheduled();
        AdvanceTo(Start);
        window.Begin(Now);
        AdvanceTo(End - TimeSpan.FromSeconds(1));

        Assert.Null(window.Complete(Now, null));
        Assert.Equal(MaintenanceStage.InProgress, window.Stage);
    }

    [Fact]
    public void ARescheduleBumpsTheRevisionAndAnnouncesTheNewTimesAfresh()
    {
        var window = Scheduled();
        AdvanceTo(Start - ThreeDays);
        window.RemindIfDue(Now);
        AdvanceTo(Now + OneHour);

        var moved = window.Reschedule(Start.AddDays(7), End.AddDays(7), Now);

        Assert.Equal(
            new MaintenanceBulletin(3, MaintenanceBulletinKind.Rescheduled, Now, 1, Now, Start.AddDays(7), End.AddDays(7), PreviousStart: Start, PreviousEnd: End),
            moved! with { RemindersAhead = null });
        Assert.Equal([ThreeDays, OneDay, OneHour], moved.RemindersAhead);
        Assert.Equal(1, window.Revision);
        Assert.Equal(Now, window.AnnouncedAt);
        Assert.Equal([ThreeDays, OneDay, OneHour], window.RemindersDue);
        Assert.Equal(Start.AddDays(7) - ThreeDays, window.NextDueAt());
    }

    [Fact]
    public void StepsAfterARescheduleCarryTheNewRevisionAndItsTime()
    {
        var window = Scheduled();
        AdvanceTo(Now + OneDay);
        var movedAt = Now;
        window.Reschedule(Start.AddDays(7), End.AddDays(7), movedAt);
        AdvanceTo(Start.AddDays(7) - OneDay);

        var reminder = window.RemindIfDue(Now)!;

        Assert.Equal(1, reminder.Revision);
        Assert.Equal(movedAt, reminder.RevisedAt);
        Assert.Equal(Start.AddDays(7), reminder.Start);
    }

    [Fact]
    public void AWindowThatHasBegunCannotBeMovedOrCancelled()
    {
        var window = Scheduled();
        AdvanceTo(Start);
        window.Begin(Now);

        Assert.Null(window.Reschedule(Start.AddDays(1), End.AddDays(1), Now));
        Assert.Null(window.Cancel(Now));
        Assert.Equal(0, window.Revision);
        Assert.Equal(MaintenanceStage.InProgress, window.Stage);
    }

    [Fact]
    public void PastItsStartAWindowHasBegunEvenBeforeTheGrainStartedIt()
    {
        var window = Scheduled();
        AdvanceTo(Start + TimeSpan.FromMinutes(1));

        Assert.Null(window.Reschedule(Start.AddDays(1), End.AddDays(1), Now));
        Assert.Null(window.Cancel(Now));
        Assert.Equal(MaintenanceStage.Scheduled, window.Stage);
        Assert.Equal(0, window.Revision);
        Assert.NotNull(window.Begin(Now));
    }

    [Fact]
    public void ACancellationEndsAScheduledWindowAndBumpsTheRevision()
    {
        var window = Scheduled();
        AdvanceTo(Now + OneDay);

        var cancelled = window.Cancel(Now);

        Assert.Equal(new MaintenanceBulletin(2, MaintenanceBulletinKind.Cancelled, Now, 1, Now, Start, End), cancelled! with { RemindersAhead = null });
        Assert.Empty(cancelled.RemindersAhead!);
        Assert.Equal(MaintenanceStage.Cancelled, window.Stage);
        Assert.Equal(Now, window.CancelledAt);
        Assert.Empty(window.RemindersDue);
        Assert.Null(window.NextDueAt());
        Assert.False(window.IsActive);
    }

    [Fact]
    public void ACancelledWindowCannotBeCancelledMovedOrStarted()
    {
        var window = Scheduled();
        window.Cancel(Now);
        AdvanceTo(Start);

        Assert.Null(window.Cancel(Now));
        Assert.Null(window.Reschedule(Start.AddDays(1), End.AddDays(1), Now));
        Assert.Null(window.Begin(Now));
        Assert.Equal(1, window.Revision);
    }

    [Fact]
    public void ACleanWindowEndedAtItsPlannedEnd()
    {
        var window = Scheduled();
        Assert.Null(window.EndedAt(Now));
        AdvanceTo(Start);
        window.Begin(Now);
        Assert.Null(window.EndedAt(Now));
        AdvanceTo(End + TimeSpan.FromMinutes(2));

        window.Complete(Now, null);

        Assert.Equal(End, window.EndedAt(Now + OneDay));
        Assert.False(window.RecordWorkEnded(Now));
    }

    [Fact]
    public void AnOverrunRunsUntilTheWorkEnds()
    {
        var window = Scheduled();
        AdvanceTo(Start);
        window.Begin(Now);
        AdvanceTo(End);

        var completed = window.Complete(Now, "inc-42");

        Assert.Equal("inc-42", completed!.OverrunIncidentId);
        Assert.True(window.Overran);
        Assert.Equal("inc-42", window.OverrunIncidentId);

        // While the services are still down, the work has not ended: later than the planned end, and still going.
        Assert.True(window.EndedAt(Now) > End);
        Assert.Equal(End + OneHour, window.EndedAt(End + OneHour));

        Assert.True(window.RecordWorkEnded(End + TimeSpan.FromMinutes(40)));
        Assert.Equal(End + TimeSpan.FromMinutes(40), window.WorkEndedAt);
        Assert.Equal(End + TimeSpan.FromMinutes(40), window.EndedAt(End + OneDay));
        Assert.False(window.RecordWorkEnded(End + OneHour));
        Assert.Equal(End + TimeSpan.FromMinutes(40), window.WorkEndedAt);
    }

    [Fact]
    public void WorkReportedEndedBeforeThePlannedEndCountsFromTheEnd()
    {
        var window = Scheduled();
        AdvanceTo(Start);
        window.Begin(Now);
        AdvanceTo(End);
        window.Complete(Now, "inc-42");

        Assert.True(window.RecordWorkEnded(End - TimeSpan.FromMinutes(5)));
        Assert.Equal(End, window.WorkEndedAt);
    }
}
