using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using MimeKit;
using UptimeCoordinator.Host.Tests.Http;
using static UptimeCoordinator.Host.Tests.Maintenance.MaintenanceRig;

namespace UptimeCoordinator.Host.Tests.Maintenance;

/// <summary>
/// The iCalendar invite, read as a mail client reads it: the email of each announcing step, taken
/// off a real SMTP server and parsed with MimeKit and Ical.Net, carries the same event as
/// <c>calendar.ics</c>, one UID for the window's life and a SEQUENCE raised at every change.
/// </summary>
public sealed class MaintenanceInviteEmailTests(MaintenanceRigFixture fixture) : IClassFixture<MaintenanceRigFixture>
{
    private MaintenanceRig Rig => fixture.Rig;

    [Fact]
    public async Task ScheduledEmailCarriesTheCalendarIcsInviteAndTheRescheduleEmailRaisesItsSequence()
    {
        var (service, address) = await ServiceWithEmailContactAsync("invite");
        var start = SecondsAhead(3600);
        var end = start.AddHours(2);
        var id = (await Rig.ScheduleAsync(new { serviceIds = new[] { service }, start, end, title = "Storage firmware upgrade" })).Str("id");
        var uid = $"{id}@uptime-coordinator";

        var scheduled = await Rig.MailOfAsync(address, Scheduled);
        var (mailed, method) = Invite(scheduled, id);
        Assert.Equal("PUBLISH", method);
        Assert.Equal(await Rig.CalendarAsync(id), mailed);
        var (calendar, invite) = Parse(mailed);
        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal((uid, 0, "CONFIRMED"), (invite.Uid, invite.Sequence, invite.Status));
        Assert.Equal((start.UtcDateTime, end.UtcDateTime), (invite.DtStart!.AsUtc, invite.DtEnd!.AsUtc));
        Assert.Contains("Storage firmware upgrade", invite.Summary, StringComparison.Ordinal);

        var newStart = start.AddHours(3);
        var newEnd = newStart.AddHours(1);
        var moved = await Rig.CommandAsync(id, "reschedule", new { start = newStart, end = newEnd, by = "Alice" });
        Assert.Equal(("scheduled", 1, newStart, newEnd), (moved.Str("state"), moved.GetProperty("revision").GetInt32(), moved.Time("start"), moved.Time("end")));

        var changed = await Rig.MailOfAsync(address, Changed);
        var (remailed, remethod) = Invite(changed, id);
        Assert.Equal("PUBLISH", remethod);
        var (_, revised) = Parse(remailed);
        Assert.Equal((uid, 1, "CONFIRMED"), (revised.Uid, revised.Sequence, revised.Status));
        Assert.Equal((newStart.UtcDateTime, newEnd.UtcDateTime), (revised.DtStart!.AsUtc, revised.DtEnd!.AsUtc));
        Assert.Equal(await Rig.CalendarAsync(id), remailed);
        Assert.Contains(ClockIn("Europe/Berlin", start), changed.TextBody, StringComparison.Ordinal);
        Assert.Contains(ClockIn("Europe/Berlin", newStart), changed.TextBody, StringComparison.Ordinal);
        Assert.Equal([Scheduled, Changed], Rig.MailTo(address).Select(Kind));

        var hooked = Data(await Rig.HookOfAsync(HookOf(service), Changed));
        Assert.Equal(("rescheduled", 1), (hooked.Str("step"), hooked.GetProperty("revision").GetInt32()));
        Assert.Equal((start, end, newStart, newEnd), (hooked.Time("previousStart"), hooked.Time("previousEnd"), hooked.Time("start"), hooked.Time("end")));
    }

    [Fact]
    public async Task CancelledWindowSendsACancellingInviteAndNeverStarts()
    {
        var (service, address) = await ServiceWithEmailContactAsync("cancel");
        var start = SecondsAhead(8);
        var end = start.AddSeconds(3);
        var id = (await Rig.ScheduleAsync(new { serviceIds = new[] { service }, start, end, title = "Network switch swap", noticeLeadTimes = Array.Empty<string>() })).Str("id");
        await Rig.MailOfAsync(address, Scheduled);

        var cancelled = await Rig.CommandAsync(id, "cancel", new { by = "Alice", reason = "The vendor postponed the delivery." });
        Assert.Equal(("cancelled", 1), (cancelled.Str("state"), cancelled.GetProperty("revision").GetInt32()));
        Assert.False(cancelled.IsNull("cancelledAt"));

        var changed = await Rig.MailOfAsync(address, Changed);
        var (mailed, method) = Invite(changed, id);
        Assert.Equal("CANCEL", method);
        var (calendar, invite) = Parse(mailed);
        Assert.Equal("CANCEL", calendar.Method);
        Assert.Equal(($"{id}@uptime-coordinator", 1, "CANCELLED"), (invite.Uid, invite.Sequence, invite.Status));
        Assert.Equal((start.UtcDateTime, end.UtcDateTime), (invite.DtStart!.AsUtc, invite.DtEnd!.AsUtc));
        Assert.Equal(await Rig.CalendarAsync(id), mailed);

        // Past the time the window would have started, and ended: nothing happened then.
        var waitUntil = end.AddSeconds(2) - DateTimeOffset.UtcNow;
        if (waitUntil > TimeSpan.Zero)
        {
            await Task.Delay(waitUntil);
        }

        Assert.Equal([Scheduled, Changed], Rig.MailTo(address).Select(Kind));
        Assert.Equal([Scheduled, Changed], Rig.Hooks(HookOf(service)).Select(Type));
        var hooked = Data(Rig.Hooks(HookOf(service))[1]);
        Assert.Equal(("cancelled", 1, start), (hooked.Str("step"), hooked.GetProperty("revision").GetInt32(), hooked.Time("start")));
        var window = await Rig.WindowAsync(id);
        Assert.Equal("cancelled", window.Str("state"));
        Assert.True(window.IsNull("startedAt"), $"a cancelled window started: {window}");
        Assert.Equal(["scheduled", "cancelled"], window.GetProperty("notices").EnumerateArray().Select(n => n.Str("step")));
        Assert.Equal("operational", (await Rig.Api.GetServiceAsync(service)).Str("status"));
        Assert.Contains(id, await Rig.ListedIdsAsync($"state=cancelled&serviceId={service}"));
        Assert.Empty(await Rig.ListedIdsAsync($"state=active&serviceId={service}"));
    }

    private async Task<(string Service, string Address)> ServiceWithEmailContactAsync(string prefix)
    {
        var service = await Rig.CreateServiceAsync(prefix);
        var client = TestIds.Unique("client");
        await Rig.DefineClientAsync(client, "Europe/Berlin", [service], [MailContact($"{client}-mail"), Rig.HookContact($"{client}-hook", HookOf(service))]);
        return (service, EmailOf($"{client}-mail"));
    }

    /// <summary>The webhook path of the client <see cref="ServiceWithEmailContactAsync"/> made for <paramref name="service"/>.</summary>
    private static string HookOf(string service) => $"/hooks/of-{service}";

    /// <summary>The email's one text/calendar attachment, as the bytes it decodes to, and the method its Content-Type names.</summary>
    private static (string Ics, string Method) Invite(MimeMessage message, string windowId)
    {
        var part = Assert.Single(message.Attachments.OfType<MimePart>(), a => a.ContentType.IsMimeType("text", "calendar"));
        Assert.Equal($"maintenance-{windowId}.ics", part.FileName);
        using var bytes = new MemoryStream();
        Assert.NotNull(part.Content);
        part.Content.DecodeTo(bytes);
        return (Encoding.UTF8.GetString(bytes.ToArray()), part.ContentType.Parameters["method"] ?? "");
    }

    private static (Calendar Calendar, CalendarEvent Event) Parse(string ics)
    {
        var calendar = Calendar.Load(ics)!;
        return (calendar, Assert.Single(calendar.Events));
    }
}
