using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Domain.Maintenance;

/// <summary>
/// A maintenance window as an iCalendar (RFC 5545) invite, so people can put the work in their calendar.
/// One window is one event with a stable UID; every reschedule and the cancellation raise its SEQUENCE,
/// so a calendar that holds an older copy replaces it instead of adding a second event.
/// </summary>
public static class MaintenanceCalendar
{
    public const string ProductId = "-//UptimeCoordinator//Maintenance//EN";

    /// <summary>
    /// The invite as iCalendar text. Nothing in it comes from the clock or a random source (DTSTAMP is the
    /// revision's own time, the UID is derived from the window), and Ical.Net writes properties in a fixed
    /// order, so the same invite always yields the same bytes: a retried email and <c>calendar.ics</c> agree.
    /// </summary>
    public static string Invite(MaintenanceInvite invite)
    {
        ArgumentNullException.ThrowIfNull(invite);
        var calendar = new Calendar
        {
            ProductId = ProductId,
            Version = "2.0",
            Method = Method(invite),
        };
        var summary = NoticeTextSanitizer.OneLine(invite.Title);
        var calendarEvent = new CalendarEvent
        {
            Uid = Uid(invite.WindowId),
            Sequence = invite.Sequence,
            DtStamp = Utc(invite.Stamp),
            DtStart = Utc(invite.Start),
            DtEnd = Utc(invite.End),
            Summary = summary.Length > 0 ? $"Planned maintenance: {summary}" : "Planned maintenance",
            Description = Description(invite) is { Length: > 0 } description ? description : null,
            Status = invite.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,

            // The services are unavailable for the whole window: the time is busy, not free.
            Transparency = TransparencyType.Opaque,
            Url = Uri.TryCreate(NoticeTextSanitizer.OneLine(invite.Url), UriKind.Absolute, out var url) ? url : null,
        };
        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar)
            ?? throw new InvalidOperationException("Ical.Net wrote no invite.");
    }

    /// <summary>The invite as an email attachment, its Content-Type naming the method so mail clients offer to update the calendar.</summary>
    public static NoticeAttachment Attachment(MaintenanceInvite invite)
    {
        ArgumentNullException.ThrowIfNull(invite);
        return new NoticeAttachment(
            $"maintenance-{invite.WindowId}.ics",
            $"text/calendar; method={Method(invite)}; charset=utf-8",
            Invite(invite));
    }

    /// <summary>The event's UID: the window's id, so every revision of a window is the same event.</summary>
    public static string Uid(string windowId) => $"{windowId}@uptime-coordinator";

    private static string Method(MaintenanceInvite invite) => invite.Cancelled ? CalendarMethods.Cancel : CalendarMethods.Publish;

    // Whole seconds in UTC: iCalendar has no finer unit, and UTC needs no VTIMEZONE for the reader to resolve.
    private static CalDateTime Utc(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return new CalDateTime(new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, utc.Second, DateTimeKind.Utc), CalDateTime.UtcTzId);
    }

    private static string Description(MaintenanceInvite invite)
    {
        var text = new StringBuilder();
        if (NoticeTextSanitizer.Message(invite.Description) is { } description)
        {
            text.Append(description).Append("\n\n");
        }

        var names = invite.ServiceNames.Select(NoticeTextSanitizer.OneLine).Where(name => name.Length > 0).ToList();
        if (names.Count > 0)
        {
            text.Append(invite.Cancelled ? "Cancelled: these services will keep working as usual:\n" : "Services under maintenance:\n");
            foreach (var name in names)
            {
                text.Append("- ").Append(name).Append('\n');
            }
        }

        if (NoticeTextSanitizer.OneLine(invite.Url) is { Length: > 0 } url)
        {
            text.Append(names.Count > 0 ? "\n" : "").Append("Details: ").Append(url).Append('\n');
        }

        return text.ToString().TrimEnd();
    }
}
