using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Maintenance;
using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Tests.Maintenance;

/// <summary>
/// Window "mw-1" upgrades the customer database (db) from 17:00 to 21:00 UTC on Friday 13 March 2026:
/// 02:00–06:00 on Saturday in Tokyo, 13:00–17:00 on Friday in New York (already on summer time), 18:00–22:00
/// in Berlin. Checkout and reports depend on db; client "acme" subscribes to db and checkout, not to reports.
/// </summary>
internal static class MaintenanceScenario
{
    public static readonly DateTimeOffset Start = new(2026, 3, 13, 17, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset End = Start.AddHours(4);
    public static readonly DateTimeOffset AnnouncedAt = Start.AddDays(-7);
    public static readonly TimeSpan[] Leads = [TimeSpan.FromDays(3), TimeSpan.FromDays(1), TimeSpan.FromHours(1)];
    public const string CalendarUrl = "https://status.example/api/v1/maintenance/mw-1/calendar.ics";

    /// <summary>Quiet from 22:00 to 07:00 in the contact's zone.</summary>
    public static readonly QuietHours Night = new(new TimeOnly(22, 0), new TimeOnly(7, 0));

    public static readonly AffectedService[] Impacted =
    [
        new("db", "Customer database", ServiceStatus.UnderMaintenance),
        new("checkout", "Checkout", ServiceStatus.PartialOutage, "db", "Customer database"),
        new("reports", "Reports", ServiceStatus.PartialOutage, "db", "Customer database"),
    ];

    public static Contact Kenji(IReadOnlyList<NoticeKind>? stages = null, QuietHours? quiet = null) =>
        new("kenji", "Kenji", "kenji@acme.example", null, null, null, stages, quiet, "Asia/Tokyo");

    public static Contact Nora() => new("nora", "Nora", "nora@acme.example", null, null, null, null, null, "America/New_York");

    public static Contact Hooks() =>
        new("ops-bot", "Acme ops bot", null, "https://hooks.acme.example/uc", "whsec_c2VjcmV0LXNlY3JldA==", "https://hooks.slack.example/T/B/x", null, null, null);

    public static ClientDefinition Client(params Contact[] contacts) =>
        new("acme", "Acme", "Europe/Berlin", [new Subscription("checkout", 0.5), new Subscription("db", 1)], contacts.Length > 0 ? contacts : [Kenji()]);

    public static (MaintenanceWindow Window, MaintenanceBulletin Scheduled) Schedule(DateTimeOffset? now = null, string title = "Database upgrade") =>
        MaintenanceWindow.Schedule("mw-1", ["db"], title, "We move the customer database to a new server.", Start, End, Leads, now ?? AnnouncedAt);

    public static MaintenanceNoticeStep Step(MaintenanceWindow window, MaintenanceBulletin bulletin, string? calendarUrl = CalendarUrl) =>
        new(window.Id, window.Title, window.Description, bulletin, Impacted, calendarUrl);

    /// <summary>Plans the window's announcement into the outbox at the time it is announced.</summary>
    public static List<Notice> Announce(NoticeOutbox outbox, ClientDefinition client, IReadOnlyList<TimeSpan>? remindersAhead = null)
    {
        var (window, scheduled) = Schedule();
        return Apply(client, outbox, Step(window, scheduled), AnnouncedAt, remindersAhead);
    }

    /// <summary>Plans a step into the outbox, as the client grain does; returns what was planned.</summary>
    public static List<Notice> Apply(ClientDefinition client, NoticeOutbox outbox, MaintenanceNoticeStep step, DateTimeOffset now, IReadOnlyList<TimeSpan>? remindersAhead = null)
    {
        var planned = MaintenanceNoticePlanner.Plan(client, step, outbox, now, remindersAhead);
        outbox.Add(planned);
        return planned;
    }
}
