using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using UptimeCoordinator.Contracts;
using UptimeCoordinator.Contracts.Clients;
using UptimeCoordinator.Contracts.Costs;
using UptimeCoordinator.Contracts.Notices;
using UptimeCoordinator.Contracts.Subscriptions;
using UptimeCoordinator.Contracts.Health;
using UptimeCoordinator.Contracts.Incidents;
using UptimeCoordinator.Contracts.Maintenance;
using UptimeCoordinator.Contracts.Changes;
using UptimeCoordinator.Contracts.Services;
using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Costs;
using UptimeCoordinator.Domain.Health;
using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Domain.Maintenance;
using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Domain.Services;
using UptimeCoordinator.Domain.Sla;
using UptimeCoordinator.Grains.Clients;
using UptimeCoordinator.Grains.Incidents;
using UptimeCoordinator.Grains.Maintenance;
using UptimeCoordinator.Grains.Notices;
using UptimeCoordinator.Grains.Services;
using UptimeCoordinator.Grains.Subscriptions;
using UptimeCoordinator.Grains.Tests.Infrastructure;
using static UptimeCoordinator.Grains.Tests.Infrastructure.TestData;

namespace UptimeCoordinator.Grains.Tests.Serialization;

/// <summary>
/// Every message and every persisted state survives its serializer with nothing lost. Orleans
/// upgrades have broken serialization before; these are the guard.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RoundTripTests(ClusterFixture fixture)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static TheoryData<object> Messages => new()
    {
        Spec("Checkout", ["db", "cache"], 2, 3),
        new ServiceView("db", "Database", "Primary", "data", ["disk"], new DetectionSettings(2, 1), ServiceStatus.PartialOutage, Noon,
            "db-1", [new CheckView("http", HealthStatus.Down, Noon)], Noon, Noon.AddHours(1)),
        new DefineServiceResult(DefineServiceOutcome.Rejected, null, new DependencyCheckResult(["x"], ["a", "b", "a"])),
        new RemoveServiceResult(RemoveServiceOutcome.HasDependents, ["web"], null),
        new IdPage(["a", "b"], "b"),
        Event(HealthStatus.Degraded, 5, check: "latency", eventId: "e-1"),
        new HealthBatchResult(true, 10, 2),
        new IncidentIndexEntry("db-1", Noon, true),
        new ServiceTransitionMessage(ServiceTransitionKind.Reopen, "db-1", "db", 7, ServiceStatus.Operational, ServiceStatus.MajorOutage, Noon, "am", "fp-1", "boom"),
        new IncidentView("db-1", "db: major outage", ["db"], IncidentSeverity.Critical, IncidentStage.Resolved, Noon, Noon.AddMinutes(9), 1,
            [new TimelineEntryView(Noon, TimelineEntryKind.Opened, IncidentStage.Detected, "am", "db", ServiceStatus.MajorOutage, "boom", Noon.AddHours(1))],
            IncidentOrigin.Declared, Noon.AddHours(1), Noon.AddMinutes(2), "alice", Noon.AddMinutes(32),
            new IncidentResolutionView("Replaced disk", ["swap disk"], 45, ["postmortem"], "alice", Noon.AddMinutes(9), false, "Monitoring saw it"),
            Noon.AddHours(2), null, Noon.AddHours(2), [new IncidentReportView("acme", "alice", "slow", Noon)],
            [new IncidentFeedbackView("acme", "alice", false, 2, "still slow", Noon.AddHours(3))], new IncidentFiguresView("PT2M", "PT9M", null, 2, 1)),
        new IncidentIndexEntry("db-1", Noon, false, IncidentStage.Closed, Noon.AddMinutes(1), Noon.AddMinutes(9), Noon, 1, 7, 2),
        new IncidentStatsView(Noon, Noon.AddDays(1), 3, 2, "PT1M", 2, "PT9M", null, 1, 4.5, 1, 0.5, 0.5),
        new AcknowledgeIncident("alice", Noon.AddHours(1), "on it"),
        new PostIncidentUpdate("alice", "found it", IncidentStage.Identified, null),
        new ResolveIncident("alice", "fixed", ["a", "b"], 30, ["c"]),
        new DeclareIncident("Slow checkout", ["db", "web"], IncidentSeverity.Major, "alice", null),
        new ReportProblem("acme", null, ["db"], "Reported by acme", "cannot log in"),
        new IncidentVerdict("alice", "nothing found"),
        new GiveIncidentFeedback("acme", "alice", true, 5, null),
        new IncidentCommandResult(IncidentCommandOutcome.Conflict, "already resolved", null),
        new ClientSpec("Acme", "UTC", [], [], new CostProfileSpec("EUR", 1000m, [.. Enumerable.Repeat(1.0, 168)], new SeverityFactorsSpec(1, 0.5, 0.2)),
            new SlaSpec(99.9, 72, [new CreditTierSpec(99.9, 10)], new MoneyView(1000m, "EUR"), 0.5, 0)),
        new CostAcrossClientsView([new ClientCostShare("acme", new MoneyView(12.34m, "EUR"), new MoneyView(2m, "EUR"))], [new MoneyView(12.34m, "EUR")], [new MoneyView(2m, "EUR")], Noon),
        new ClientCostView("acme", Noon, Noon.AddDays(1), new MoneyView(5m, "EUR"), [new CostShareView("db-1", new MoneyView(5m, "EUR"))], [new CostShareView("db", new MoneyView(5m, "EUR"))]),
        new SlaResult(new SlaReportView("acme", "2026-11", "UTC", Noon, Noon.AddDays(30), Noon.AddDays(30), 43200, 216, 0, 99.5, 99.9, false, "breached",
            new CreditTierSpec(99.9, 10), new MoneyView(100m, "EUR"), 43.2, -172.8, [new ServiceSlaView("db", 43200, 216, 0, 99.5, [], ["m-1"])],
            [new MaintenanceSlaView("m-1", Noon, Noon.AddHours(2), Noon.AddDays(-1), 24, 72, false, false, 0, "short notice")]), "month,client_id\r\n"),
        new IncidentBulletinMessage(3, BulletinKind.EtaChanged, Noon, "alice", "later", Noon.AddHours(2), Noon.AddHours(1), null, null, null,
            "db-1", "db: major outage", IncidentSeverity.Critical, IncidentStage.Identified, Noon, null,
            [new BulletinServiceMessage("db", "Database", ServiceStatus.MajorOutage, null, null), new BulletinServiceMessage("web", "Web", ServiceStatus.PartialOutage, "db", "Database")]),
        new ClientSpec("Acme", "Europe/Berlin", [new SubscriptionSpec("db", 0.5)],
            [new ContactSpec("alice", "Alice", "a@acme.example", "https://h.example/x", "whsec_abc", "https://s.example/y",
                [NoticeKind.IncidentDetected, NoticeKind.IncidentResolved], new QuietHoursSpec(TimeSpan.FromHours(22), TimeSpan.FromHours(7)), "UTC")]),
        new DefineClientResult(DefineClientOutcome.UnknownServices, null, ["nope"]),
        new ClientView("acme", "Acme", "UTC", [new SubscriptionSpec("db", 1)],
            [new ContactView("alice", "Alice", "a@acme.example", null, true, null, null, null, null)], Noon, Noon),
        new ClientStatusView("acme", "Acme", "UTC", ServiceStatus.PartialOutage,
            [new AffectedServiceView("web", "Web", ServiceStatus.PartialOutage, "db", "db-1", Noon)],
            [new ClientIncidentView("db-1", "db: major outage", IncidentSeverity.Critical, IncidentStage.Detected, Noon, "PT5M", null,
                new LatestUpdateView(Noon, TimelineEntryKind.Opened, "boom"), Noon.AddMinutes(30), ["web"])], Noon, null, null,
            [ClientMaintenanceView.Of("mw-1", "Upgrade", Noon, Noon.AddHours(1), [new AffectedService("db", "Database", ServiceStatus.UnderMaintenance)])]),
        new ScheduleMaintenance(["db"], Noon, Noon.AddHours(2), "Upgrade", "PostgreSQL 17", [TimeSpan.FromDays(3), TimeSpan.FromHours(1)], "alice"),
        new RescheduleMaintenance(Noon.AddDays(1), Noon.AddDays(1).AddHours(2), "alice"),
        new CancelMaintenance("alice", "not needed"),
        new MaintenanceCommandResult(MaintenanceCommandOutcome.Overlaps, "taken", null,
            [new MaintenanceIndexEntry("mw-0", "Other", ["db"], ["db", "web"], Noon, Noon.AddHours(1), MaintenanceStage.Scheduled, Noon.AddDays(-3), false, null)]),
        new MaintenanceView("mw-1", ["db"], ["db", "web"], "Upgrade", null, Noon, Noon.AddHours(2), ["P3D"], MaintenanceStage.Completed, Noon.AddDays(-3),
            Noon.AddDays(-3), 1, Noon, Noon.AddHours(2), null, true, "db-9", null,
            [new MaintenanceStepView(1, MaintenanceBulletinKind.Reminder, "maintenance.reminder", Noon.AddDays(-1), "P1D", 0, true, null, null)],
            [new SlaNoticeWarning("acme", "Acme", 72, 1.5, "short")], "/api/v1/maintenance/mw-1/calendar.ics", "alice", Noon.AddHours(3)),
        new MaintenanceBulletinMessage("mw-1", "Upgrade", "PostgreSQL 17", 2, MaintenanceBulletinKind.Rescheduled, Noon, 1, Noon, Noon.AddDays(1), Noon.AddDays(1).AddHours(2),
            null, Noon.AddHours(5), Noon.AddHours(7), null,
            [new BulletinServiceMessage("db", "Database", ServiceStatus.UnderMaintenance, null, null), new BulletinServiceMessage("web", "Web", ServiceStatus.PartialOutage, "db", "Database")],
            [TimeSpan.FromHours(1)], "alice", "clash with release"),
        new MaintenanceExposureMessage("acme", "Acme", "Asia/Tokyo", "USD", 1000m, [.. Enumerable.Repeat(0.5, 168)], 0.75, 72),
        new MaintenanceIndexQuery([MaintenanceStage.Scheduled, MaintenanceStage.InProgress], "db", ["db", "web"], "mw-0", 51),
        new MaintenanceChanged("mw-1", "Upgrade", MaintenanceStage.InProgress, ["db"], Noon, Noon.AddHours(2), 0, Noon),
        new NoticePage([new NoticeView("n-1", NoticeKind.IncidentDetected, NoticeChannel.Email, "alice", "db-1", "a@acme.example", "S", "T",
            NoticeState.Failed, 6, "HTTP 503", Noon, Noon, Noon, null)], "n-1"),
        new NoticeOutcomeMessage("n-1", NoticeState.Sent, 2, null, Noon),
        new IncidentStepMessage(ServiceTransitionKind.Open, "db-1", "db", "Database", 3, ServiceStatus.MajorOutage, Noon, "boom",
            [new ImpactedServiceMessage("db", "Database", null), new ImpactedServiceMessage("web", "Web", "db")]),
        new FanOutRequest(new ServiceTransitionMessage(ServiceTransitionKind.Open, "db-1", "db", 7, ServiceStatus.Operational,
            ServiceStatus.MajorOutage, Noon, "am", "fp-1", "boom"), "Database"),
        new ClientStatusView("acme", "Acme", "UTC", ServiceStatus.MajorOutage, [],
            [new ClientIncidentView("db-1", "db: major outage", IncidentSeverity.Critical, IncidentStage.Acknowledged, Noon, "PT5M", Noon.AddHours(1), null, null, ["db"],
                new MoneyView(3m, "EUR"), new MoneyView(36m, "EUR"),
                [new TimelineEntryView(Noon, TimelineEntryKind.Acknowledged, IncidentStage.Acknowledged, "alice", null, null, "on it", Noon.AddHours(1))])],
            Noon, null, null, [], [new ClientAskView("db-0", "db: slow", NoticeKind.IncidentSurvey, Noon)]),
        new IncidentView("db-1", "db: major outage", ["db"], IncidentSeverity.Critical, IncidentStage.Detected, Noon, null, 0, [], IncidentOrigin.Monitoring,
            null, null, null, null, null, null, null, null, [], [], new IncidentFiguresView(null, null, null, 0, 0), null, [new AffectedClientView("acme", "Acme")]),
        new FailedNoticePage([new FailedNoticeEntry("acme", "n-1", Noon)], "acme/n-1"),
        new NoticeRetryResult(NoticeRetryOutcome.NotFailed, new NoticeView("n-1", NoticeKind.IncidentDetected, NoticeChannel.Webhook, "alice", "db-1",
            "https://h.example", "S", "T", NoticeState.Sent, 1, null, Noon, Noon, Noon, Noon)),
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void MessagesRoundTripThroughTheOrleansSerializer(object message)
    {
        var serializer = fixture.Cluster.Client.ServiceProvider.GetRequiredService<Serializer>();

        var copy = serializer.Deserialize<object>(serializer.SerializeToArray(message))!;

        Assert.Equal(message.GetType(), copy.GetType());
        Assert.Equal(JsonSerializer.Serialize(message, message.GetType(), Json), JsonSerializer.Serialize(copy, copy.GetType(), Json));
    }

    [Fact]
    public void ServiceStateRoundTripsThroughTheStorageSerializer()
    {
        var health = new ServiceHealth();
        health.Apply(new HealthObservation("e-1", HealthStatus.Down, Noon, "am", "http", "503"), new DetectionPolicy(1, 2));
        health.Apply(new HealthObservation("e-2", HealthStatus.Up, Noon.AddMinutes(1), "am", "http", null), new DetectionPolicy(1, 2));
        var change = new StatusChange(1, ServiceStatus.Operational, ServiceStatus.MajorOutage, Noon, "am", "http", "503");
        var state = new ServiceState
        {
            Definition = new ServiceDefinition("db", "Database", "d", "g", ["disk"], new DetectionPolicy(1, 2)),
            CreatedAt = Noon,
            UpdatedAt = Noon.AddHours(1),
            Health = health,
            OpenIncidentId = "db-1",
            SuspectedIncidentId = "db-2",
            LastResolved = new RecentResolution("db-0", Noon.AddDays(-1)),
            PendingTransitions = [new ServiceTransition(ServiceTransitionKind.Open, "db-1", "db", change)],
            PendingFanOuts = [new ServiceTransition(ServiceTransitionKind.Open, "db-0", "db", change)],
        };

        AssertStorageRoundTrip(state);
    }

    [Fact]
    public void IncidentRoundTripsThroughTheStorageSerializer()
    {
        var incident = new Incident();
        incident.Apply(new ServiceTransition(ServiceTransitionKind.Open, "db-1", "db",
            new StatusChange(1, ServiceStatus.Operational, ServiceStatus.PartialOutage, Noon, "am", "http", "503")));
        var acknowledged = incident.Acknowledge("alice", Noon.AddMinutes(1), Noon.AddHours(1), "on it");
        var resolved = incident.ResolveByStaff("alice", Noon.AddMinutes(9), "Replaced disk", ["swap"], 45, ["postmortem"]);
        incident.RecordFeedback(new IncidentFeedback("acme", "bob", false, 2, "still slow", Noon.AddHours(3)));
        incident.RunDue(Noon.AddDays(2), IncidentTimings.Default);
        Assert.True(acknowledged.Applied && resolved.Applied);

        AssertStorageRoundTrip(new IncidentState { Incident = incident, PendingBulletins = [.. acknowledged.Bulletins, .. resolved.Bulletins] });
    }

    [Fact]
    public void IndexStatesRoundTripThroughTheStorageSerializer()
    {
        AssertStorageRoundTrip(new IncidentIndexState
        {
            Entries = { ["db-1"] = new IncidentIndexEntry("db-1", Noon, true), ["db-0"] = new IncidentIndexEntry("db-0", Noon, false, IncidentStage.Closed, Noon, Noon, Noon, 1, 9, 2) },
        });
        AssertStorageRoundTrip(new ServiceCatalogState { DependsOn = { ["web"] = ["db"], ["db"] = [] } });
        AssertStorageRoundTrip(new NoticeAttentionState { Failed = [new FailedNoticeEntry("acme", "n-1", Noon), new FailedNoticeEntry("globex", "n-1", Noon.AddMinutes(1))] });
    }

    [Fact]
    public void ClientStatesRoundTripThroughTheStorageSerializer()
    {
        var state = new ClientState
        {
            Definition = new ClientDefinition("acme", "Acme", "Europe/Berlin", [new Subscription("db", 0.5)],
                [new Contact("alice", "Alice", "a@acme.example", "https://h.example/x", "whsec_abc", null,
                    [NoticeKind.IncidentResolved], new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0)), "UTC")],
                CostProfile.BusinessHours("EUR", 1000m),
                new ClientSla(SlaTerms.Default with { MonthlyFee = 500m }, "EUR")),
            CreatedAt = Noon,
            UpdatedAt = Noon,
            AppliedSequences = { ["db"] = 4 },
            Ledger = new ImpactLedger { Spans = [new ImpactSpan("db-1", "db", ServiceStatus.MajorOutage, Noon, Noon.AddMinutes(5)), new ImpactSpan("db-2", "db", ServiceStatus.PartialOutage, Noon.AddHours(1), null)] },
            SlaBreachesTold = { "2026-11" },
            FeedbackKey = "a2V5LWtleS1rZXkta2V5LWtleS1rZXkta2V5LWtleS0=",
            Impacts =
            {
                ["db-1"] = new ClientImpact
                {
                    IncidentId = "db-1", ServiceId = "db", Title = "db: major outage", Severity = IncidentSeverity.Critical, StartedAt = Noon,
                    UpdatedAt = Noon, Message = "boom", NextUpdateBy = Noon.AddMinutes(30),
                    Affected = [new AffectedService("web", "Web", ServiceStatus.PartialOutage, "db", "Database")],
                },
            },
        };
        state.Outbox.Add([new Notice
        {
            Id = "n-1", Kind = NoticeKind.IncidentDetected, Channel = NoticeChannel.Webhook, ContactId = "alice", SubjectId = "db-1", Sequence = 4,
            To = "https://h.example/x", Content = new NoticeContent("S", "T", "<p>T</p>"), Payload = "{}", CreatedAt = Noon, DueAt = Noon,
            State = NoticeState.Pending, Attempts = 1, LastError = "HTTP 503", LastAttemptAt = Noon,
        }]);

        AssertStorageRoundTrip(state);
        AssertStorageRoundTrip(new ClientCatalogState { Ids = { "acme", "globex" } });
        AssertStorageRoundTrip(new SubscriptionIndexState { Clients = { "acme" } });
    }

    [Fact]
    public void MaintenanceStatesRoundTripThroughTheStorageSerializer()
    {
        var (window, scheduled) = MaintenanceWindow.Schedule("mw-1", ["db"], "Upgrade", "PostgreSQL 17", Noon.AddDays(4), Noon.AddDays(4).AddHours(2),
            [TimeSpan.FromDays(3), TimeSpan.FromHours(1)], Noon);
        var moved = window.Reschedule(Noon.AddDays(5), Noon.AddDays(5).AddHours(2), Noon.AddHours(1), "alice")!;
        var reminder = window.RemindIfDue(Noon.AddDays(2).AddHours(1))!;
        AssertStorageRoundTrip(new MaintenanceState
        {
            Window = window,
            CreatedBy = "alice",
            AffectedServiceIds = ["db", "web"],
            ServiceNames = ["Database"],
            SlaWarnings = [new SlaNoticeWarning("acme", "Acme", 96, 95, "short")],
            PendingBulletins = [scheduled, moved, reminder],
        });
        AssertStorageRoundTrip(new MaintenanceIndexState
        {
            Windows = { ["mw-1"] = new MaintenanceIndexEntry("mw-1", "Upgrade", ["db"], ["db", "web"], Noon, Noon.AddHours(2), MaintenanceStage.Completed, Noon, true, Noon.AddHours(3)) },
        });
        AssertStorageRoundTrip(new ServiceState
        {
            Definition = new ServiceDefinition("db", "Database", null, null, [], new DetectionPolicy(1, 1)),
            Maintenance = new ActiveMaintenance("mw-2", Noon),
            LastMaintenance = new EndedMaintenance("mw-1", Noon, "db-9", WorkEndReported: true),
        });
        var client = new ClientState
        {
            MaintenanceInProgress =
            {
                ["mw-2"] = ClientMaintenanceView.Of("mw-2", "Upgrade", Noon, Noon.AddHours(1), [new AffectedService("web", "Web", ServiceStatus.PartialOutage, "db", "Database")]),
            },
        };
        client.Outbox.Add([new Notice
        {
            Id = "mw-1:maintenance.scheduled:1:acme:alice:email", Kind = NoticeKind.MaintenanceScheduled, Channel = NoticeChannel.Email, ContactId = "alice",
            SubjectId = "mw-1", Sequence = 1, To = "a@acme.example", Content = new NoticeContent("S", "T", "<p>T</p>"), CreatedAt = Noon, DueAt = Noon,
            Attachment = new NoticeAttachment("maintenance-mw-1.ics", "text/calendar; method=PUBLISH; charset=utf-8", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"),
        }]);
        AssertStorageRoundTrip(client);
    }

    [Fact]
    public void StoredStateNamesEnumsByTheirWireNames()
    {
        var serializer = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainStorageSerializer>();
        var state = new ServiceState();
        state.Health.Status = ServiceStatus.MajorOutage;

        var stored = serializer.Serialize(state).ToString();

        Assert.Contains("\"major_outage\"", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("$type", stored, StringComparison.Ordinal);
    }

    private void AssertStorageRoundTrip<T>(T state)
    {
        var serializer = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainStorageSerializer>();

        var copy = serializer.Deserialize<T>(serializer.Serialize(state));

        Assert.Equal(JsonSerializer.Serialize(state, Json), JsonSerializer.Serialize(copy, Json));
    }
}
