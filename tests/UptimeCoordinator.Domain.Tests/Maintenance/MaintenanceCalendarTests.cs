using Ical.Net;
using UptimeCoordinator.Domain.Maintenance;
using static UptimeCoordinator.Domain.Tests.Maintenance.MaintenanceScenario;

namespace UptimeCoordinator.Domain.Tests.Maintenance;

public sealed class MaintenanceCalendarTests
{
    private static MaintenanceInvite Invite(MaintenanceBulletin bulletin, string title = "Database upgrade", string? url = CalendarUrl) =>
        MaintenanceInvite.Of("mw-1", title, "We move the customer database to a new server.", bulletin, ["Customer database"], url);

    private static MaintenanceInvite Scheduled() => Invite(Schedule().Scheduled);

    [Fact]
    public void TheSameInviteRendersToTheSameBytes()
    {
        var first = MaintenanceCalendar.Invite(Scheduled());

        Assert.Equal(first, MaintenanceCalendar.Invite(Scheduled()));
        Assert.Equal(first, MaintenanceCalendar.Attachment(Scheduled()).Content);
    }

    [Fact]
    public void TheInviteRoundTripsThroughIcalNet()
    {
        var calendar = Calendar.Load(MaintenanceCalendar.Invite(Scheduled()));
        var e = Assert.Single(calendar!.Events);

        Assert.Equal("-//UptimeCoordinator//Maintenance//EN", calendar.ProductId);
        Assert.Equal("2.0", calendar.Version);
        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal("mw-1@uptime-coordinator", e.Uid);
        Assert.Equal(0, e.Sequence);
        Assert.True(e.DtStart!.IsUtc);
        Assert.Equal(Start.UtcDateTime, e.DtStart.AsUtc);
        Assert.True(e.DtEnd!.IsUtc);
        Assert.Equal(End.UtcDateTime, e.DtEnd.AsUtc);
        Assert.Equal(AnnouncedAt.UtcDateTime, e.DtStamp!.AsUtc);
        Assert.Equal("CONFIRMED", e.Status);
        Assert.Equal("OPAQUE", e.Transparency);
        Assert.Equal("Planned maintenance: Database upgrade", e.Summary);
        Assert.Equal(new Uri(CalendarUrl), e.Url);
    }

    [Fact]
    public void TheDescriptionSaysWhatTheWorkIsWhichServicesAndWhere()
    {
        var e = Calendar.Load(MaintenanceCalendar.Invite(Scheduled()))!.Events.Single();

        Assert.Equal(
            $"We move the customer database to a new server.\n\nServices under maintenance:\n- Customer database\n\nDetails: {CalendarUrl}",
            e.Description);
    }

    [Fact]
    public void TimesInAnotherOffsetAreWrittenInUtc()
    {
        var tokyo = Start.ToOffset(TimeSpan.FromHours(9));
        var invite = Scheduled() with { Start = tokyo, End = tokyo.AddHours(4) };

        var text = MaintenanceCalendar.Invite(invite);

        Assert.Contains("DTSTART:20260313T170000Z\r\n", text, StringComparison.Ordinal);
        Assert.Contains("DTEND:20260313T210000Z\r\n", text, StringComparison.Ordinal);
        Assert.Equal(text, MaintenanceCalendar.Invite(Scheduled()));
    }

    [Fact]
    public void ARescheduleIsTheSameEventWithAHigherSequence()
    {
        var (window, scheduled) = Schedule();
        var moved = window.Reschedule(Start.AddDays(7), End.AddDays(7), AnnouncedAt.AddDays(1))!;

        var before = Calendar.Load(MaintenanceCalendar.Invite(Invite(scheduled)))!.Events.Single();
        var after = Calendar.Load(MaintenanceCalendar.Invite(Invite(moved)))!.Events.Single();

        Assert.Equal(before.Uid, after.Uid);
        Assert.True(after.Sequence > before.Sequence);
        Assert.Equal(Start.AddDays(7).UtcDateTime, after.DtStart!.AsUtc);
        Assert.Equal(AnnouncedAt.AddDays(1).UtcDateTime, after.DtStamp!.AsUtc);
    }

    [Fact]
    public void ACancelledInviteCancelsTheSameEvent()
    {
        var (window, scheduled) = Schedule();
        var cancelled = Invite(window.Cancel(AnnouncedAt.AddDays(2))!);

        var text = MaintenanceCalendar.Invite(cancelled);
        var calendar = Calendar.Load(text)!;
        var e = calendar.Events.Single();

        Assert.True(cancelled.Cancelled);
        Assert.Contains("METHOD:CANCEL\r\n", text, StringComparison.Ordinal);
        Assert.Equal("CANCEL", calendar.Method);
        Assert.Equal("CANCELLED", e.Status);
        Assert.Equal("mw-1@uptime-coordinator", e.Uid);
        Assert.Equal(1, e.Sequence);
        Assert.Equal(scheduled.Start.UtcDateTime, e.DtStart!.AsUtc);
    }

    [Fact]
    public void TheAttachmentIsNamedAfterTheWindowAndNamesItsMethod()
    {
        var (window, scheduled) = Schedule();

        var published = MaintenanceCalendar.Attachment(Invite(scheduled));
        var cancelled = MaintenanceCalendar.Attachment(Invite(window.Cancel(AnnouncedAt.AddDays(2))!));

        Assert.Equal("maintenance-mw-1.ics", published.FileName);
        Assert.Equal("text/calendar; method=PUBLISH; charset=utf-8", published.MediaType);
        Assert.Equal("text/calendar; method=CANCEL; charset=utf-8", cancelled.MediaType);
    }

    [Fact]
    public void ATitleWithLineBreaksCannotAddCalendarLines()
    {
        var invite = Invite(Schedule().Scheduled, title: "Upgrade\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil");

        var calendar = Calendar.Load(MaintenanceCalendar.Invite(invite))!;

        var e = Assert.Single(calendar.Events);
        Assert.Equal("mw-1@uptime-coordinator", e.Uid);
        Assert.Equal("Planned maintenance: Upgrade END:VEVENT BEGIN:VEVENT UID:evil", e.Summary);
    }

    [Fact]
    public void WithoutAUrlTheInviteHasNone()
    {
        var text = MaintenanceCalendar.Invite(Invite(Schedule().Scheduled, url: null));

        Assert.DoesNotContain("URL:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Details:", text, StringComparison.Ordinal);
    }
}
