using System.Text.Json;
using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Notices;
using static UptimeCoordinator.Domain.Tests.Maintenance.MaintenanceScenario;

namespace UptimeCoordinator.Domain.Tests.Maintenance;

public sealed class MaintenanceNoticePayloadTests
{
    private static readonly Contact TokyoHook =
        new("tokyo-bot", "Tokyo bot", null, "https://hooks.acme.example/tokyo", "whsec_c2VjcmV0LXNlY3JldA==", null, null, null, "Asia/Tokyo");

    private static Notice Webhook(MaintenanceNoticeStep step, DateTimeOffset now) =>
        MaintenanceNoticePlanner.Plan(Client(TokyoHook), step, new NoticeOutbox(), now).Single();

    private static JsonElement Parse(Notice notice)
    {
        using var document = JsonDocument.Parse(notice.Payload!);
        return document.RootElement.Clone();
    }

    [Fact]
    public void ThePayloadIsAWebhookEnvelopeOfTheStepsKind()
    {
        var (window, scheduled) = Schedule();
        var notice = Webhook(Step(window, scheduled), AnnouncedAt);

        var root = Parse(notice);

        Assert.Equal(["type", "timestamp", "data"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("maintenance.scheduled", root.GetProperty("type").GetString());
        Assert.Equal("2026-03-06T17:00:00+00:00", root.GetProperty("timestamp").GetString());
        Assert.Equal(notice.Id, root.GetProperty("data").GetProperty("noticeId").GetString());
    }

    [Fact]
    public void DataCarriesTheWindowFieldsInOrder() =>
        Assert.Equal(
            [
                "noticeId", "clientId", "windowId", "step", "title", "description", "start", "end", "localStart", "localEnd", "timeZone",
                "previousStart", "previousEnd", "leadTime", "revision", "calendarUrl", "overrunIncidentId", "affectedServices", "subject", "text",
            ],
            Parse(Webhook(Step(Schedule().Window, Schedule().Scheduled), AnnouncedAt)).GetProperty("data").EnumerateObject().Select(p => p.Name));

    [Fact]
    public void DataGivesTheTimesInUtcAndInTheContactsZone()
    {
        var (window, scheduled) = Schedule();

        var data = Parse(Webhook(Step(window, scheduled), AnnouncedAt)).GetProperty("data");

        Assert.Equal("mw-1", data.GetProperty("windowId").GetString());
        Assert.Equal("scheduled", data.GetProperty("step").GetString());
        Assert.Equal("Database upgrade", data.GetProperty("title").GetString());
        Assert.Equal("2026-03-13T17:00:00+00:00", data.GetProperty("start").GetString());
        Assert.Equal("2026-03-13T21:00:00+00:00", data.GetProperty("end").GetString());
        Assert.Equal("2026-03-14T02:00:00+09:00", data.GetProperty("localStart").GetString());
        Assert.Equal("2026-03-14T06:00:00+09:00", data.GetProperty("localEnd").GetString());
        Assert.Equal("Asia/Tokyo", data.GetProperty("timeZone").GetString());
        Assert.Equal(0, data.GetProperty("revision").GetInt32());
        Assert.Equal(CalendarUrl, data.GetProperty("calendarUrl").GetString());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("previousStart").ValueKind);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("leadTime").ValueKind);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("overrunIncidentId").ValueKind);
    }

    [Fact]
    public void DataListsTheClientsServicesWithTheirStatusAndDependency()
    {
        var services = Parse(Webhook(Step(Schedule().Window, Schedule().Scheduled), AnnouncedAt)).GetProperty("data").GetProperty("affectedServices");

        Assert.Equal(
            [("db", "Customer database", "under_maintenance", null), ("checkout", "Checkout", "partial_outage", "db")],
            services.EnumerateArray().Select(s => (
                s.GetProperty("serviceId").GetString(), s.GetProperty("name").GetString(), s.GetProperty("status").GetString(), s.GetProperty("via").GetString())));
    }

    [Fact]
    public void AReminderGivesItsLeadTimeInIso8601()
    {
        var (window, _) = Schedule();
        var at = Start - TimeSpan.FromDays(1);

        var data = Parse(Webhook(Step(window, window.RemindIfDue(at)!), at)).GetProperty("data");

        Assert.Equal("reminder", data.GetProperty("step").GetString());
        Assert.Equal("P1D", data.GetProperty("leadTime").GetString());
    }

    [Fact]
    public void ARescheduleGivesThePreviousTimesAndTheNewRevision()
    {
        var (window, _) = Schedule();
        var at = AnnouncedAt.AddDays(1);

        var root = Parse(Webhook(Step(window, window.Reschedule(Start.AddDays(7), End.AddDays(7), at)!), at));
        var data = root.GetProperty("data");

        Assert.Equal("maintenance.changed", root.GetProperty("type").GetString());
        Assert.Equal("rescheduled", data.GetProperty("step").GetString());
        Assert.Equal("2026-03-13T17:00:00+00:00", data.GetProperty("previousStart").GetString());
        Assert.Equal("2026-03-13T21:00:00+00:00", data.GetProperty("previousEnd").GetString());
        Assert.Equal("2026-03-20T17:00:00+00:00", data.GetProperty("start").GetString());
        Assert.Equal(1, data.GetProperty("revision").GetInt32());
    }

    [Fact]
    public void AnOverrunNamesTheIncident()
    {
        var (window, _) = Schedule();
        window.Begin(Start);

        var data = Parse(Webhook(Step(window, window.Complete(End, "inc-42")!), End)).GetProperty("data");

        Assert.Equal("completed", data.GetProperty("step").GetString());
        Assert.Equal("inc-42", data.GetProperty("overrunIncidentId").GetString());
    }

    [Fact]
    public void TheSameStepGivesTheSameBytes()
    {
        var (window, scheduled) = Schedule();

        Assert.Equal(Webhook(Step(window, scheduled), AnnouncedAt).Payload, Webhook(Step(window, scheduled), AnnouncedAt.AddMinutes(3)).Payload);
    }
}
