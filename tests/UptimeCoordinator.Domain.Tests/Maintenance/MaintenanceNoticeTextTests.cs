using UptimeCoordinator.Domain.Notices;
using static UptimeCoordinator.Domain.Tests.Maintenance.MaintenanceScenario;

namespace UptimeCoordinator.Domain.Tests.Maintenance;

public sealed class MaintenanceNoticeTextTests
{
    private readonly NoticeOutbox _outbox = new();

    [Fact]
    public void EachContactSeesTheWindowInItsOwnTimeZone()
    {
        var planned = Announce(_outbox, Client(Kenji(), Nora()));

        var tokyo = planned.Single(n => n.ContactId == "kenji").Content;
        var newYork = planned.Single(n => n.ContactId == "nora").Content;
        Assert.Contains("From 02:00 to 06:00 on Saturday 14 March 2026 (Asia/Tokyo, UTC+09:00).", tokyo.Text, StringComparison.Ordinal);
        Assert.Contains("From 13:00 to 17:00 on Friday 13 March 2026 (America/New_York, UTC-04:00).", newYork.Text, StringComparison.Ordinal);
        Assert.Equal("Planned maintenance on Customer database and Checkout: 02:00–06:00 on Saturday 14 March 2026 (Asia/Tokyo)", tokyo.Subject);
        Assert.Contains("It is planned to last 4 hours.", tokyo.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ACancellationGivesItsReasonWhenOneWasGiven()
    {
        var window = Schedule().Window;
        var cancelled = window.Cancel(AnnouncedAt.AddDays(1), "alice", "The vendor moved the release")!;

        var text = Apply(Client(Kenji()), _outbox, Step(window, cancelled), AnnouncedAt.AddDays(1)).Single().Content.Text;

        Assert.Equal(("alice", "The vendor moved the release"), (cancelled.By, cancelled.Reason));
        Assert.Contains("Why\nThe vendor moved the release", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AContactWithoutAZoneSeesItsClientsZone()
    {
        var hooks = Announce(_outbox, Client(Hooks())).First();

        Assert.Contains("From 18:00 to 22:00 on Friday 13 March 2026 (Europe/Berlin, UTC+01:00).", hooks.Content.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheNoticeSaysWhichOfTheClientsServicesAreAffectedAndHow()
    {
        var text = Announce(_outbox, Client(Kenji())).Single().Content.Text;

        Assert.Contains("- Customer database: unavailable during the work\n", text, StringComparison.Ordinal);
        Assert.Contains("- Checkout: may not work fully during the work, because it depends on Customer database\n", text, StringComparison.Ordinal);
        Assert.Contains("Customer database will be unavailable for the whole time.", text, StringComparison.Ordinal);
        Assert.Contains("We move the customer database to a new server.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Reports", text, StringComparison.Ordinal);
    }

    [Fact]
    public void WhatComesNextPromisesOnlyWhatTheContactWillGet()
    {
        var everything = Announce(_outbox, Client(Kenji()), remindersAhead: [TimeSpan.FromHours(1), TimeSpan.FromDays(1)]).Single().Content.Text;
        var completionOnly = MaintenanceNoticePlanner.Plan(
            Client(Kenji(stages: [NoticeKind.MaintenanceScheduled, NoticeKind.MaintenanceCompleted])), Step(Schedule().Window, Schedule().Scheduled), new NoticeOutbox(), AnnouncedAt)
            .Single().Content.Text;

        Assert.Contains("We will remind you 1 day and 1 hour before it starts.", everything, StringComparison.Ordinal);
        Assert.Contains("We will tell you when the work starts and when it is finished.", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("remind", completionOnly, StringComparison.Ordinal);
        Assert.Contains("We will tell you when the work is finished.", completionOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("If the plan changes", completionOnly, StringComparison.Ordinal);
    }

    [Fact]
    public void AReminderPromisesTheRemindersTheWindowStillHasToSend()
    {
        var (window, _) = Schedule();
        var at = Start - TimeSpan.FromDays(3);

        var text = Apply(Client(Kenji()), _outbox, Step(window, window.RemindIfDue(at)!), at).Single().Content.Text;

        Assert.Contains("We will remind you 1 day and 1 hour before it starts.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ARescheduleGivesTheOldTimeAndTheNew()
    {
        var (window, _) = Schedule();
        var at = AnnouncedAt.AddDays(1);

        var text = Apply(Client(Kenji()), _outbox, Step(window, window.Reschedule(Start.AddDays(7), End.AddDays(7), at)!), at).Single().Content;

        Assert.Equal("Maintenance moved: Customer database and Checkout, now 02:00–06:00 on Saturday 21 March 2026 (Asia/Tokyo)", text.Subject);
        Assert.Contains("From 02:00 to 06:00 on Saturday 21 March 2026 (Asia/Tokyo, UTC+09:00).", text.Text, StringComparison.Ordinal);
        Assert.Contains("Before, we had announced it from 02:00 to 06:00 on Saturday 14 March 2026 (Asia/Tokyo, UTC+09:00).", text.Text, StringComparison.Ordinal);
        Assert.Contains("It now starts 7 days later than we told you.", text.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheStartSaysWhenItWillBeFinished()
    {
        var (window, _) = Schedule();

        var started = Apply(Client(Kenji()), _outbox, Step(window, window.Begin(Start)!), Start).Single().Content;

        Assert.Equal("Maintenance started: Customer database and Checkout (planned to finish at 06:00 Asia/Tokyo)", started.Subject);
        Assert.Contains("- Checkout: may not work fully until the work is finished, because it depends on Customer database\n", started.Text, StringComparison.Ordinal);
        Assert.Contains("We will tell you when it is finished.", started.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ACleanCompletionSaysTheServicesWorkAgain()
    {
        var (window, _) = Schedule();
        window.Begin(Start);

        var completed = Apply(Client(Kenji()), _outbox, Step(window, window.Complete(End, null)!), End).Single().Content;

        Assert.Equal("Maintenance finished: Customer database and Checkout work normally again", completed.Subject);
        Assert.Contains("The work finished at 06:00 on Saturday 14 March 2026 (Asia/Tokyo, UTC+09:00), as planned.", completed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOverrunCompletionSaysTheWorkIsNowAnIncident()
    {
        var (window, _) = Schedule();
        window.Begin(Start);

        var completed = Apply(Client(Kenji()), _outbox, Step(window, window.Complete(End, "inc-42")!), End).Single().Content;

        Assert.Equal("Maintenance ran over: Customer database and Checkout for Acme, now incident inc-42", completed.Subject);
        Assert.Contains("did not finish on time", completed.Text, StringComparison.Ordinal);
        Assert.Contains("We now handle the unfinished work as incident inc-42", completed.Text, StringComparison.Ordinal);
        Assert.Contains("You will get updates on incident inc-42 until everything works again.", completed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheHtmlBodyEncodesWhatUsersWrote()
    {
        var (window, scheduled) = Schedule(title: "Upgrade <script>alert(1)</script>");

        var html = Apply(Client(Kenji()), _outbox, Step(window, scheduled), AnnouncedAt).Single().Content.Html;

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("Upgrade &lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }
}
