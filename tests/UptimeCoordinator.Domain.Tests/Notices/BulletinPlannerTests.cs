using System.Text.Json;
using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Domain.Services;
using static UptimeCoordinator.Domain.Tests.Notices.NoticeScenario;

namespace UptimeCoordinator.Domain.Tests.Notices;

/// <summary>
/// The incident's own bulletins as one client lives them, on top of what monitoring already told it:
/// a <see cref="NoticeScenario"/> first applies monitoring's steps, then the bulletins are applied
/// the way the client grain applies them (impact first, then the plan).
/// </summary>
public sealed class BulletinPlannerTests
{
    private static readonly AffectedService[] DbImpacted =
    [
        new("db", "Customer database", ServiceStatus.MajorOutage),
        new("checkout", "Checkout", ServiceStatus.PartialOutage, "db", "Customer database"),
    ];

    private static readonly IncidentResolution Resolution =
        new("Failed over to the replica", ["Failed over"], 30, ["Alert on replica lag"], "erin", Noon.AddMinutes(40), null);

    public static TheoryData<BulletinKind, ToldState, NoticeKind?> KindTable { get; } = new()
    {
        { BulletinKind.Declared, ToldState.Nothing, NoticeKind.IncidentDetected },
        { BulletinKind.Declared, ToldState.Broken, NoticeKind.IncidentUpdate },
        { BulletinKind.Declared, ToldState.Fixed, NoticeKind.IncidentDetected },
        { BulletinKind.Confirmed, ToldState.Nothing, NoticeKind.IncidentDetected },
        { BulletinKind.Confirmed, ToldState.Broken, NoticeKind.IncidentUpdate },
        { BulletinKind.Confirmed, ToldState.Fixed, NoticeKind.IncidentDetected },
        { BulletinKind.Acknowledged, ToldState.Nothing, NoticeKind.IncidentAcknowledged },
        { BulletinKind.Acknowledged, ToldState.Broken, NoticeKind.IncidentAcknowledged },
        { BulletinKind.Acknowledged, ToldState.Fixed, null },
        { BulletinKind.Updated, ToldState.Nothing, NoticeKind.IncidentUpdate },
        { BulletinKind.Updated, ToldState.Broken, NoticeKind.IncidentUpdate },
        { BulletinKind.Updated, ToldState.Fixed, null },
        { BulletinKind.StillWorking, ToldState.Nothing, NoticeKind.IncidentUpdate },
        { BulletinKind.StillWorking, ToldState.Broken, NoticeKind.IncidentUpdate },
        { BulletinKind.StillWorking, ToldState.Fixed, null },
        { BulletinKind.EtaChanged, ToldState.Nothing, NoticeKind.IncidentEtaChanged },
        { BulletinKind.EtaChanged, ToldState.Broken, NoticeKind.IncidentEtaChanged },
        { BulletinKind.EtaChanged, ToldState.Fixed, null },
        { BulletinKind.Resolved, ToldState.Nothing, null },
        { BulletinKind.Resolved, ToldState.Broken, NoticeKind.IncidentResolved },
        { BulletinKind.Resolved, ToldState.Fixed, NoticeKind.IncidentResolved },
        { BulletinKind.Dismissed, ToldState.Nothing, null },
        { BulletinKind.Dismissed, ToldState.Broken, NoticeKind.IncidentResolved },
        { BulletinKind.Dismissed, ToldState.Fixed, null },
        { BulletinKind.FollowUp, ToldState.Nothing, null },
        { BulletinKind.FollowUp, ToldState.Broken, null },
        { BulletinKind.FollowUp, ToldState.Fixed, NoticeKind.IncidentFollowUp },
        { BulletinKind.Survey, ToldState.Nothing, null },
        { BulletinKind.Survey, ToldState.Broken, null },
        { BulletinKind.Survey, ToldState.Fixed, NoticeKind.IncidentSurvey },
        { BulletinKind.ReportReceived, ToldState.Nothing, NoticeKind.IncidentAcknowledged },
        { BulletinKind.ReportReceived, ToldState.Broken, NoticeKind.IncidentAcknowledged },
        { BulletinKind.ReportReceived, ToldState.Fixed, NoticeKind.IncidentAcknowledged },
        { BulletinKind.ReopenedForClient, ToldState.Nothing, NoticeKind.IncidentAcknowledged },
        { BulletinKind.ReopenedForClient, ToldState.Broken, NoticeKind.IncidentAcknowledged },
        { BulletinKind.ReopenedForClient, ToldState.Fixed, NoticeKind.IncidentAcknowledged },
        { BulletinKind.Reported, ToldState.Nothing, NoticeKind.IncidentReported },
        { BulletinKind.Reported, ToldState.Broken, NoticeKind.IncidentReported },
        { BulletinKind.Reported, ToldState.Fixed, NoticeKind.IncidentReported },
        { BulletinKind.Reopened, ToldState.Nothing, NoticeKind.IncidentReopened },
        { BulletinKind.Reopened, ToldState.Broken, NoticeKind.IncidentReopened },
        { BulletinKind.Reopened, ToldState.Fixed, NoticeKind.IncidentReopened },
        { BulletinKind.Nudge, ToldState.Nothing, NoticeKind.IncidentNudge },
        { BulletinKind.Nudge, ToldState.Broken, NoticeKind.IncidentNudge },
        { BulletinKind.Nudge, ToldState.Fixed, NoticeKind.IncidentNudge },
    };

    [Theory]
    [MemberData(nameof(KindTable))]
    public void EachBulletinTellsAContactWhatFitsWhatItWasTold(BulletinKind bulletin, ToldState told, NoticeKind? expected) =>
        Assert.Equal(expected, BulletinPlanner.KindFor(bulletin, told));

    [Fact]
    public void TheKindTableCoversEveryBulletinAndEveryToldState()
    {
        var covered = KindTable.Select(row => ((BulletinKind)row[0], (ToldState)row[1])).ToHashSet();

        Assert.Equal(Enum.GetValues<BulletinKind>().Length * Enum.GetValues<ToldState>().Length, covered.Count);
        Assert.Equal(covered.Count, KindTable.Count());
    }

    [Fact]
    public void ABulletinNoticeIsNumberedByTheIncidentsOwnCounterAndNeverMeetsAMonitoringNotice()
    {
        var scenario = ToldOfTheOutage();
        var monitoring = Assert.Single(scenario.Apply(Step(ServiceTransitionKind.Update, 2, ServiceStatus.PartialOutage, 5)));

        var bulletin = Assert.Single(Plan(scenario, Open(Bulletin(2, BulletinKind.Updated, 10))));

        Assert.Equal("db-1:incident.update:2:acme:alice:email", monitoring.Id);
        Assert.Equal("db-1:incident.update:u2:acme:alice:email", bulletin.Id);
        Assert.Equal(NoticeId.ForBulletin("db-1", NoticeKind.IncidentUpdate, 2, "acme", "alice", NoticeChannel.Email), bulletin.Id);
        Assert.Equal(NoticeKind.IncidentUpdate, bulletin.Kind);
        Assert.Equal("db-1", bulletin.SubjectId);
        Assert.Equal(2, bulletin.Sequence);
        Assert.Equal(NoticeState.Pending, bulletin.State);
        Assert.Equal(3, scenario.Outbox.Notices.Select(n => n.Id).Distinct().Count());
    }

    [Fact]
    public void ABulletinReachesEveryContactOnEveryChannel()
    {
        var scenario = ToldOfTheOutage(Alice(), Hooks());

        var planned = Plan(scenario, Open(Bulletin(1, BulletinKind.Updated, 10)));

        Assert.Equal(
            ["db-1:incident.update:u1:acme:alice:email", "db-1:incident.update:u1:acme:ops-bot:webhook", "db-1:incident.update:u1:acme:ops-bot:slack"],
            planned.Select(n => n.Id));
        Assert.NotNull(planned.Single(n => n.Channel == NoticeChannel.Webhook).Payload);
        Assert.Contains("bulletin 1", planned[0].Content.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanningTheSameBulletinAgainPlansNothingNew()
    {
        var scenario = ToldOfTheOutage();
        var step = Open(Bulletin(1, BulletinKind.Updated, 10));
        Assert.Single(Plan(scenario, step));
        var notices = scenario.Outbox.Notices.Count;

        Assert.Empty(Plan(scenario, step));
        scenario.MarkAllSent();
        Assert.Empty(Plan(scenario, step));
        Assert.Equal(notices, scenario.Outbox.Notices.Count);
    }

    [Fact]
    public void AContactWhoseStagesLeaveOutTheKindGetsNothing()
    {
        var scenario = ToldOfTheOutage(Alice([NoticeKind.IncidentDetected, NoticeKind.IncidentResolved]), Hooks());

        var planned = Plan(scenario, Open(Bulletin(1, BulletinKind.Updated, 10)));

        Assert.DoesNotContain(planned, n => n.ContactId == "alice");
        Assert.Equal(2, planned.Count(n => n.ContactId == "ops-bot"));
    }

    [Fact]
    public void AResponderSummaryAfterMonitoringsResolutionReachesWhoeverWasToldItIsFixed()
    {
        var scenario = ToldOfTheOutage();
        var monitoring = Assert.Single(scenario.Apply(Step(ServiceTransitionKind.Resolve, 2, ServiceStatus.Operational, 20)));
        scenario.MarkAllSent();
        Assert.Equal(ToldState.Fixed, NoticePlanner.Told(scenario.Outbox, "db-1", "alice", NoticeChannel.Email));

        var added = Resolution with { GeneratedSummary = "Monitoring showed db working normally again." };
        var summary = Assert.Single(Plan(scenario, Ended(Bulletin(1, BulletinKind.Resolved, 40, resolution: added), IncidentStage.Resolved)));

        Assert.Equal("db-1:incident.resolved:2:acme:alice:email", monitoring.Id);
        Assert.Equal("db-1:incident.resolved:u1:acme:alice:email", summary.Id);
        Assert.Contains(Resolution.Summary, summary.Content.Text, StringComparison.Ordinal);
        Assert.Empty(scenario.Impacts);
    }

    [Fact]
    public void AStaffResolveOfAFixThatDidNotHoldSkipsWhoeverWasNeverToldItBrokeAgain()
    {
        var scenario = ToldOfTheOutage();
        scenario.Apply(Step(ServiceTransitionKind.Resolve, 2, ServiceStatus.Operational, 20));
        scenario.MarkAllSent();

        Assert.Empty(Plan(scenario, Ended(Bulletin(1, BulletinKind.Resolved, 40, resolution: Resolution), IncidentStage.Resolved)));
    }

    [Fact]
    public void AContactWhoWantsOnlyResolutionsHearsAStaffResolve()
    {
        var scenario = new NoticeScenario(NoticeScenario.Alice(stages: [NoticeKind.IncidentResolved]));
        scenario.Apply(Step(ServiceTransitionKind.Open, 1, ServiceStatus.MajorOutage, 0));
        Assert.Empty(scenario.Outbox.Notices);

        var resolved = Assert.Single(Plan(scenario, Ended(Bulletin(1, BulletinKind.Resolved, 40, resolution: Resolution), IncidentStage.Resolved)));

        Assert.Equal(NoticeKind.IncidentResolved, resolved.Kind);
    }

    [Fact]
    public void AStaffResolveTellsWhoeverWasToldItIsBrokenAndClosesTheImpact()
    {
        var scenario = ToldOfTheOutage();

        var resolved = Assert.Single(Plan(scenario, Ended(Bulletin(1, BulletinKind.Resolved, 40, resolution: Resolution), IncidentStage.Resolved)));

        Assert.Equal(NoticeKind.IncidentResolved, resolved.Kind);
        Assert.Equal(ToldState.Fixed, NoticePlanner.Told(scenario.Outbox, "db-1", "alice", NoticeChannel.Email));
        Assert.Empty(scenario.Impacts);

        // Whoever heard it is fixed hears no more progress, even from a late update.
        Assert.Empty(Plan(scenario, Ended(Bulletin(2, BulletinKind.Updated, 35), IncidentStage.Resolved)));
    }

    [Fact]
    public void AReportReceivedGoesOnlyToTheContactWhoReported()
    {
        var scenario = new NoticeScenario(Alice(), Hooks());

        var planned = Plan(scenario, Suspected(Bulletin(1, BulletinKind.ReportReceived, 0, clientId: "acme", contactId: "alice")));

        var notice = Assert.Single(planned);
        Assert.Equal("db-1:incident.acknowledged:u1:acme:alice:email", notice.Id);
    }

    [Fact]
    public void AReportReceivedWithoutAContactGoesToEveryContactOfTheReportingClient()
    {
        var scenario = new NoticeScenario(Alice(), Hooks());

        var planned = Plan(scenario, Suspected(Bulletin(1, BulletinKind.ReportReceived, 0, clientId: "acme")));

        Assert.Equal(["alice", "ops-bot", "ops-bot"], planned.Select(n => n.ContactId));
        Assert.All(planned, n => Assert.Equal(NoticeKind.IncidentAcknowledged, n.Kind));
    }

    [Theory]
    [InlineData(BulletinKind.ReportReceived, IncidentStage.Suspected)]
    [InlineData(BulletinKind.ReopenedForClient, IncidentStage.Detected)]
    public void WhatIsAnsweredToOneClientReachesNoOtherClient(BulletinKind kind, IncidentStage stage)
    {
        // Globex uses the same database, but it was Acme that reported (or said "not fixed"), in its own words.
        var globex = Globex(["db"]);

        var planned = Plan(globex, BulletinStep(Bulletin(1, kind, 0, clientId: "acme", contactId: "alice"), stage, null));

        Assert.Empty(planned);
    }

    [Theory]
    [InlineData(BulletinKind.FollowUp, NoticeKind.IncidentFollowUp)]
    [InlineData(BulletinKind.Survey, NoticeKind.IncidentSurvey)]
    public void TheFollowUpAndSurveyGoOnlyToContactsToldItIsFixed(BulletinKind kind, NoticeKind expected)
    {
        var scenario = ToldOfTheOutage();
        scenario.Apply(Step(ServiceTransitionKind.Resolve, 2, ServiceStatus.Operational, 20));
        scenario.MarkAllSent();

        // Carol joined after the resolution: nobody told her anything was broken, so she is not asked how it went.
        scenario.Client = scenario.Client with { Contacts = [.. scenario.Client.Contacts, Carol()] };
        Assert.Equal(ToldState.Fixed, NoticePlanner.Told(scenario.Outbox, "db-1", "alice", NoticeChannel.Email));
        Assert.Equal(ToldState.Nothing, NoticePlanner.Told(scenario.Outbox, "db-1", "carol", NoticeChannel.Email));

        var planned = Plan(scenario, Ended(Bulletin(1, kind, 140, resolution: Resolution), IncidentStage.Closed));

        var notice = Assert.Single(planned);
        Assert.Equal("alice", notice.ContactId);
        Assert.Equal(expected, notice.Kind);
        Assert.Equal(NoticeId.ForBulletin("db-1", expected, 1, "acme", "alice", NoticeChannel.Email), notice.Id);
    }

    [Fact]
    public void AFollowUpIsNotSentToAContactStillToldItIsBroken()
    {
        var scenario = ToldOfTheOutage();

        Assert.Empty(Plan(scenario, Ended(Bulletin(1, BulletinKind.FollowUp, 140, resolution: Resolution), IncidentStage.Closed)));
    }

    [Theory]
    [InlineData(BulletinKind.Resolved, IncidentStage.Resolved)]
    [InlineData(BulletinKind.Dismissed, IncidentStage.Dismissed)]
    public void AResolutionOrDismissalRemovesTheImpactAndTellsItsServicesAreOperational(BulletinKind kind, IncidentStage stage)
    {
        var scenario = ToldOfTheOutage();
        var impact = scenario.Impacts["db-1"];

        var change = ApplyBulletin(scenario, Ended(Bulletin(1, kind, 40), stage));

        Assert.NotNull(change);
        Assert.Empty(scenario.Impacts);
        Assert.Same(impact, change.Impact);
        Assert.Equal(["db", "checkout"], change.Affected.Select(a => a.ServiceId));
        Assert.All(change.Affected, a => Assert.Equal(ServiceStatus.Operational, a.Status));
    }

    [Theory]
    [InlineData(BulletinKind.FollowUp)]
    [InlineData(BulletinKind.Survey)]
    public void AFollowUpOrSurveyLeavesAnOpenImpactAsItWas(BulletinKind kind)
    {
        var scenario = ToldOfTheOutage();
        var impact = scenario.Impacts["db-1"];
        var before = JsonSerializer.Serialize(impact);

        var change = ApplyBulletin(scenario, Ended(Bulletin(1, kind, 140), IncidentStage.Closed));

        Assert.NotNull(change);
        Assert.Same(impact, scenario.Impacts["db-1"]);
        Assert.Equal(before, JsonSerializer.Serialize(impact));
        Assert.All(change.Affected, a => Assert.Equal(ServiceStatus.Operational, a.Status));
    }

    [Theory]
    [InlineData(BulletinKind.FollowUp)]
    [InlineData(BulletinKind.Survey)]
    public void AFollowUpOrSurveyDoesNotBringBackAClosedImpact(BulletinKind kind)
    {
        var scenario = ToldOfTheOutage();
        scenario.Apply(Step(ServiceTransitionKind.Resolve, 2, ServiceStatus.Operational, 20));

        Assert.NotNull(ApplyBulletin(scenario, Ended(Bulletin(1, kind, 140), IncidentStage.Closed)));
        Assert.Empty(scenario.Impacts);
    }

    [Theory]
    [InlineData(IncidentStage.Resolved)]
    [InlineData(IncidentStage.Closed)]
    public void ALateBulletinOfAnIncidentThatIsOverDoesNotRecreateTheImpact(IncidentStage stage)
    {
        var scenario = ToldOfTheOutage();
        scenario.Apply(Step(ServiceTransitionKind.Resolve, 2, ServiceStatus.Operational, 20));

        var change = ApplyBulletin(scenario, Ended(Bulletin(1, BulletinKind.Updated, 10), stage));

        Assert.NotNull(change);
        Assert.Empty(scenario.Impacts);
    }

    [Fact]
    public void ABulletinOfAnOpenIncidentUpdatesTheImpact()
    {
        var scenario = new NoticeScenario();
        scenario.Apply(Step(ServiceTransitionKind.Open, 1, ServiceStatus.DegradedPerformance, 0));
        scenario.MarkAllSent();
        var bulletin = Bulletin(1, BulletinKind.Updated, 10);

        var change = ApplyBulletin(scenario, Open(bulletin));

        var impact = scenario.Impacts["db-1"];
        Assert.Same(impact, change?.Impact);
        Assert.Equal(IncidentSeverity.Critical, impact.Severity);
        Assert.Equal(bulletin.At, impact.UpdatedAt);
        Assert.Equal("bulletin 1", impact.Message);
        Assert.Equal(bulletin.At + UpdateInterval, impact.NextUpdateBy);
        Assert.Equal(Noon, impact.StartedAt);
        Assert.Equal(["db", "checkout"], impact.Affected.Select(a => a.ServiceId));
    }

    [Fact]
    public void ABulletinReachingNoneOfTheClientsServicesIsNoneOfItsBusiness()
    {
        var globex = Globex(["billing"]);
        var step = Open(Bulletin(1, BulletinKind.Updated, 10));

        Assert.Null(ApplyBulletin(globex, step));
        Assert.Empty(globex.Impacts);
        Assert.Empty(Plan(globex, step));
    }

    [Fact]
    public void ABulletinAddressedToTheClientReachesItEvenWhenNoneOfItsServicesIsImpacted()
    {
        var globex = Globex(["billing"]);

        var change = ApplyBulletin(globex, Suspected(Bulletin(1, BulletinKind.ReportReceived, 0, clientId: "globex")));

        Assert.NotNull(change);
        Assert.Empty(change.Affected);
    }

    private static NoticeScenario ToldOfTheOutage(params Contact[] contacts)
    {
        var scenario = new NoticeScenario(contacts);
        Assert.NotEmpty(scenario.Apply(Step(ServiceTransitionKind.Open, 1, ServiceStatus.MajorOutage, 0)));
        scenario.MarkAllSent();
        Assert.Equal(ToldState.Broken, NoticePlanner.Told(scenario.Outbox, "db-1", scenario.Client.Contacts[0].Id, NoticeChannel.Email));
        return scenario;
    }

    private static NoticeScenario Globex(IReadOnlyList<string> services) => new()
    {
        Client = new ClientDefinition(
            "globex", "Globex", "Europe/London", [.. services.Select(s => new Subscription(s, 1))],
            [new Contact("gina", "Gina", "gina@globex.example", null, null, null, null, null, null)]),
    };

    private static Contact Carol() => new("carol", "Carol", "carol@acme.example", null, null, null, null, null, null);

    private static IncidentBulletin Bulletin(long sequence, BulletinKind kind, int minute, string? clientId = null, string? contactId = null, IncidentResolution? resolution = null) =>
        new(sequence, kind, Noon.AddMinutes(minute), "erin", $"bulletin {sequence}", null, null, resolution, clientId, contactId);

    private static IncidentBulletinStep Open(IncidentBulletin bulletin) => BulletinStep(bulletin, IncidentStage.Investigating, null);

    private static IncidentBulletinStep Suspected(IncidentBulletin bulletin) => BulletinStep(bulletin, IncidentStage.Suspected, null);

    private static IncidentBulletinStep Ended(IncidentBulletin bulletin, IncidentStage stage) => BulletinStep(bulletin, stage, Noon.AddMinutes(20));

    private static IncidentBulletinStep BulletinStep(IncidentBulletin bulletin, IncidentStage stage, DateTimeOffset? resolvedAt) =>
        new(bulletin, "db-1", "Customer database: major outage", IncidentSeverity.Critical, stage, Noon, resolvedAt, DbImpacted);

    private static ImpactChange? ApplyBulletin(NoticeScenario scenario, IncidentBulletinStep step) =>
        ClientImpacts.ApplyBulletin(scenario.Impacts, scenario.Client, step, step.Bulletin.At + UpdateInterval);

    /// <summary>Applies a bulletin the way the client grain does: the impact first, then the plan into the outbox.</summary>
    private static List<Notice> Plan(NoticeScenario scenario, IncidentBulletinStep step)
    {
        if (ApplyBulletin(scenario, step) is not { } change)
        {
            return [];
        }

        var planned = BulletinPlanner.Plan(
            scenario.Client, step, change, scenario.Outbox, step.Bulletin.At, UpdateInterval,
            contactId => ($"https://status.example/feedback?contact={contactId}", $"token-{contactId}"));
        scenario.Outbox.Add(planned);
        return planned;
    }
}
