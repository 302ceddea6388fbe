using Ical.Net;
using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Maintenance;
using UptimeCoordinator.Domain.Notices;
using static UptimeCoordinator.Domain.Tests.Maintenance.MaintenanceScenario;

namespace UptimeCoordinator.Domain.Tests.Maintenance;

public sealed class MaintenanceNoticePlannerTests
{
    private readonly NoticeOutbox _outbox = new();

    [Fact]
    public void EachContactAndChannelGetsOneNoticeWithADeterministicId()
    {
        var planned = Announce(_outbox, Client(Kenji(), Hooks()));

        Assert.Equal(
            ["mw-1:maintenance.scheduled:1:acme:kenji:email", "mw-1:maintenance.scheduled:1:acme:ops-bot:webhook", "mw-1:maintenance.scheduled:1:acme:ops-bot:slack"],
            planned.Select(n => n.Id));
        Assert.All(planned, n => Assert.Equal(NoticeKind.MaintenanceScheduled, n.Kind));
        Assert.All(planned, n => Assert.Equal("mw-1", n.SubjectId));
        Assert.All(planned, n => Assert.Equal(1, n.Sequence));
        Assert.All(planned, n => Assert.Equal(AnnouncedAt, n.DueAt));
        Assert.All(planned, n => Assert.Equal(NoticeState.Pending, n.State));
    }

    [Fact]
    public void ReplayingAStepPlansNothingNew()
    {
        var (window, scheduled) = Schedule();
        var client = Client(Kenji(), Hooks());
        Assert.Equal(3, Apply(client, _outbox, Step(window, scheduled), AnnouncedAt).Count);

        Assert.Empty(Apply(client, _outbox, Step(window, scheduled), AnnouncedAt.AddMinutes(5)));
        Assert.Equal(3, _outbox.Notices.Count);
    }

    [Fact]
    public void AClientTheWindowDoesNotReachHearsNothing()
    {
        var client = Client(Kenji()) with { Subscriptions = [new Subscription("billing", 1)] };

        Assert.Empty(Announce(_outbox, client));
    }

    [Fact]
    public void AContactHearsOnlyTheStagesItChose()
    {
        var (window, scheduled) = Schedule();
        var client = Client(Kenji(stages: [NoticeKind.MaintenanceCompleted]));
        Assert.Empty(Apply(client, _outbox, Step(window, scheduled), AnnouncedAt));
        window.Begin(Start);

        Assert.Empty(Apply(client, _outbox, Step(window, window.Bulletins[^1]), Start));
        var completed = Assert.Single(Apply(client, _outbox, Step(window, window.Complete(End, null)!), End));
        Assert.Equal("mw-1:maintenance.completed:3:acme:kenji:email", completed.Id);
    }

    [Fact]
    public void ARescheduleAndACancellationAreBothChangesWithTheirOwnIds()
    {
        var (window, _) = Schedule();
        var client = Client(Kenji());

        var moved = Apply(client, _outbox, Step(window, window.Reschedule(Start.AddDays(7), End.AddDays(7), AnnouncedAt.AddDays(1))!), AnnouncedAt.AddDays(1));
        var cancelled = Apply(client, _outbox, Step(window, window.Cancel(AnnouncedAt.AddDays(2))!), AnnouncedAt.AddDays(2));

        Assert.Equal("mw-1:maintenance.changed:2:acme:kenji:email", Assert.Single(moved).Id);
        Assert.Equal("mw-1:maintenance.changed:3:acme:kenji:email", Assert.Single(cancelled).Id);
    }

    [Fact]
    public void QuietHoursHoldTheStartAndTheCompletion()
    {
        var (window, _) = Schedule();
        var client = Client(Kenji(quiet: Night));

        var started = Apply(client, _outbox, Step(window, window.Begin(Start)!), Start).Single();
        var completed = Apply(client, _outbox, Step(window, window.Complete(End, null)!), End).Single();

        // 02:00 and 06:00 in Tokyo are quiet: both wait until 07:00 there, 22:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 3, 13, 22, 0, 0, TimeSpan.Zero), started.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 13, 22, 0, 0, TimeSpan.Zero), completed.DueAt);
    }

    [Fact]
    public void QuietHoursHoldAReminderWhoseReleaseIsStillBeforeTheStart()
    {
        var (window, _) = Schedule();
        var at = Start - TimeSpan.FromDays(1);

        var reminder = Apply(Client(Kenji(quiet: Night)), _outbox, Step(window, window.RemindIfDue(at)!), at).Single();

        // 02:00 on Friday in Tokyo: held until 07:00 there, ten hours before the start.
        Assert.Equal(new DateTimeOffset(2026, 3, 12, 22, 0, 0, TimeSpan.Zero), reminder.DueAt);
        Assert.Contains("Reminder: maintenance begins in 1 day", reminder.Content.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void AReminderThatQuietHoursWouldMakeLateForTheStartIsDueNow()
    {
        var (window, _) = Schedule();
        var at = Start - TimeSpan.FromHours(1);

        var reminder = Apply(Client(Kenji(quiet: Night)), _outbox, Step(window, window.RemindIfDue(at)!), at).Single();

        // 01:00 in Tokyo: quiet until 07:00, an hour after the work begins, so it goes now.
        Assert.Equal(at, reminder.DueAt);
    }

    [Fact]
    public void ACancellationThatQuietHoursWouldHoldPastTheOldStartIsDueNow()
    {
        var (window, _) = Schedule();
        var at = Start - TimeSpan.FromHours(2);

        var cancelled = Apply(Client(Kenji(quiet: Night)), _outbox, Step(window, window.Cancel(at)!), at).Single();

        Assert.Equal(at, cancelled.DueAt);
    }

    [Fact]
    public void AMoveThatQuietHoursWouldHoldPastTheOldStartIsDueNowEvenIfTheNewStartIsFarOff()
    {
        var (window, _) = Schedule();
        var at = Start - TimeSpan.FromHours(2);

        var moved = Apply(Client(Kenji(quiet: Night)), _outbox, Step(window, window.Reschedule(Start.AddDays(7), End.AddDays(7), at)!), at).Single();

        Assert.Equal(at, moved.DueAt);
    }

    [Fact]
    public void AnEmailThatAnnouncesTheWorkCarriesTheInvite()
    {
        var (window, scheduled) = Schedule();
        var email = Apply(Client(Kenji()), _outbox, Step(window, scheduled), AnnouncedAt).Single();

        var attachment = Assert.IsType<NoticeAttachment>(email.Attachment);
        Assert.Equal("maintenance-mw-1.ics", attachment.FileName);
        Assert.Equal("text/calendar; method=PUBLISH; charset=utf-8", attachment.MediaType);
        Assert.Equal(MaintenanceCalendar.Invite(MaintenanceInvite.Of(Step(window, scheduled))), attachment.Content);
        Assert.Equal("mw-1@uptime-coordinator", Calendar.Load(attachment.Content)!.Events.Single().Uid);
        Assert.Contains("Open the calendar invite attached to this email", email.Content.Text, StringComparison.Ordinal);
        Assert.Contains($"Calendar entry: {CalendarUrl}", email.Content.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheStartAndTheCompletionCarryNoInvite()
    {
        var (window, _) = Schedule();
        var client = Client(Kenji());

        Assert.Null(Apply(client, _outbox, Step(window, window.Begin(Start)!), Start).Single().Attachment);
        Assert.Null(Apply(client, _outbox, Step(window, window.Complete(End, null)!), End).Single().Attachment);
    }

    [Fact]
    public void ACancellationEmailCarriesACancellingInvite()
    {
        var (window, _) = Schedule();
        var at = AnnouncedAt.AddDays(2);

        var email = Apply(Client(Kenji()), _outbox, Step(window, window.Cancel(at)!), at).Single();

        Assert.Equal("text/calendar; method=CANCEL; charset=utf-8", email.Attachment!.MediaType);
        Assert.Contains("METHOD:CANCEL\r\n", email.Attachment.Content, StringComparison.Ordinal);
        Assert.Contains("STATUS:CANCELLED\r\n", email.Attachment.Content, StringComparison.Ordinal);
        Assert.Equal("Maintenance cancelled: Customer database and Checkout, 02:00–06:00 on Saturday 14 March 2026 (Asia/Tokyo)", email.Content.Subject);
        Assert.Contains("Nothing will happen at the time announced.", email.Content.Text, StringComparison.Ordinal);
        Assert.Contains("- Checkout: keeps working as usual\n", email.Content.Text, StringComparison.Ordinal);
        Assert.Contains("The calendar update attached to this email removes the work from your calendar.", email.Content.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void SlackGetsThePlainTextOnlyAndTheWebhookNoInvite()
    {
        var planned = Announce(_outbox, Client(Hooks()));

        var slack = planned.Single(n => n.Channel == NoticeChannel.Slack);
        var webhook = planned.Single(n => n.Channel == NoticeChannel.Webhook);
        Assert.Null(slack.Payload);
        Assert.Null(slack.Attachment);
        Assert.Null(webhook.Attachment);
        Assert.NotNull(webhook.Payload);
        Assert.DoesNotContain("attached", slack.Content.Text, StringComparison.Ordinal);
    }
}
