using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Domain.Services;
using static UptimeCoordinator.Domain.Tests.Notices.NoticeScenario;

namespace UptimeCoordinator.Domain.Tests.Notices;

public sealed class NoticePlannerTests
{
    [Fact]
    public void AnOpenedIncidentPlansOneDetectedNoticePerContactAndChannel()
    {
        var scenario = new NoticeScenario(Alice(), Hooks());

        var planned = scenario.Apply(Step(ServiceTransitionKind.Open, 1, ServiceStatus.MajorOutage, 0));

        Assert.Equal(
            ["db-1:incident.detected:1:acme:alice:email", "db-1:incident.detected:1:acme:ops-bot:webhook", "db-1:incident.detected:1:acme:ops-bot:slack"],
            planned.Select(n => n.Id));
        Assert.All(planned, n => Assert.Equal(NoticeKind.IncidentDetected, n.Kind));
        Assert.All(planned, n => Assert.Equal(NoticeState.Pending, n.State));
        Assert.All(planned, n => Assert.Equal(Noon, n.DueAt));
        Assert.Equal(["alice@acme.example", "https://hooks.acme.example/uc", "https://hooks.slack.example/T/B/x"], planned.Select(n => n.To));
    }

    [Fact]
    public void OnlyTheWebhookNoticeCarriesAJsonPayload()
    {
        var planned = new NoticeScenario(Hooks()).Apply(Step(ServiceTransitionKind.Open, 1, ServiceStatus.MajorOutage, 0));

        Assert.NotNull(planned.Single(n => n.Channel == NoticeChannel.Webhook).Payload);
        Assert.Null(planned.Single(n => n.Channel == NoticeChannel.Slack).Payload);
    }

    [Fact]
    public void TheNoticeTellsTheClientWhichOfItsServicesAreAffectedAndHow()
    {
        var notice = new NoticeScenario().Apply(Step(ServiceTransitionKind.Open, 1, ServiceStatus.MajorOutage, 0)).Single();

        Assert.Contains("Customer database", notice.Content.Text, StringComparison.Ordinal);
        Assert.Contains("Checkout", notice.Content.Text, StringComparison.Ordinal);
        Assert.Contains("Alice", notice.Content.Text, StringComparison.Ordinal);

        // 12:00 UTC is 13:00 in Berlin in January; the next update is promised 30 minutes on.
        Assert.Contains("13:00", notice.Content.Text, StringComparison.Ordinal);
        Assert.Contains("13:30", notice.Content.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplayingTheSameStepPlansNothingNew()
    {
        var scenario = new NoticeScenario();
        var step = Step(ServiceTransitionKind.Open, 1, ServiceStatus.MajorOutage, 0);
        Assert.Single(scenario.Apply(step));

        Assert.Empty(scenario.Apply(step));
        Assert.Single(scenario.Outbox.Notices);
    }

    [Fact]
    public void AContactToldOfTheOutageHearsOfItsResolution()
    {
        var scenario = new NoticeScenario();
        scenario.Apply(Step(ServiceTransitionKind.Open, 1, ServiceStatus.MajorOutage, 0));
        scenario.MarkAllSent();

        var resolved = Assert.Single(scenario.Apply(Step(ServiceTransitionKind.Resolve, 2, ServiceStatus.Operational, 20)));

        Assert.Equal(NoticeKind.IncidentResolved, resolved.Kind);
        Assert.Equal("db-1:incident.resolved:2:acme:alice:email", resolved.Id);
        Assert.Contains("20 minutes", resolved.Content.Text, StringComparison.Ordinal);
        Assert.Empty(scenario.Impacts);
    }

    [Fact]
    public void AResolutionStillPendingIsSentAfterTheOutageNoticeThatIsStillOnItsWay()
    {
        var scenario = new NoticeScenario();
        scenario.Apply(Step(ServiceTransitionKind.Open, 1, ServiceStatus.MajorOutage, 0));

        var resolved = scenario.Apply(Step(ServiceTransitionKind.Resolve, 2, ServiceStatus.Operational, 1));

        Assert.Equal(NoticeKind.IncidentResolved, Assert.Single(resolved).Kind);
    }

    [Fact]
    public void AnOutageNoticeWithdrawnBeforeItLeftIsNotFollowedByAResolution()
    {
        var scenario = new NoticeScenario();
        scenario.Apply(Step(ServiceTransitionKind.Open, 1, ServiceStatus.MajorOutage, 0));
        scenario.WithdrawPending();

        Assert.Empty(scenario.Apply(Step(ServiceTransitionKind.Resolve, 2, ServiceStatus.Operational, 1)));
    }

    [Fact]
    public void AFlapBackToBrokenBeforeTheResolutionLeftSendsNothingMore()
    {
        var scenario = new NoticeScenario();
        scenario.Apply(Step(ServiceTransitionKind.Open, 1, ServiceStatus.MajorOutage, 0));
        scenario.MarkAllSent();
        scenario.Apply(Step(ServiceTransitionKind.Resolve, 2, ServiceStatus.Operational, 1));
        scenario.WithdrawPending();

        var reopened = scenario.Apply(Step(ServiceTransitionKind.Reopen, 3, ServiceStatus.MajorOutage, 2));

        Assert.Empty(reopened);
        Assert.Equal([NoticeState.Sent, NoticeState.Superseded], scenario.Outbox.Notices.Select(n => n.State));
    }

    [Fact]
    public void AReopenAfterTheResolutionWentOutIsAFreshOutageNotice()
    {
        var scenario = new NoticeScenario();
        scenario.Apply(Step(ServiceTransitionKind.Open, 1, ServiceStatus.MajorOutage, 0));
        scenario.MarkAllSent();
        scenario.Apply(Step(ServiceTransitionKind.Resolve, 2, ServiceStatus.Operational, 5));
        scenario.MarkAllSent();

        var reopened = Assert.Single(scenario.Apply(Step(ServiceTransitionKind.Reopen, 3, ServiceStatus.MajorOutage, 8)));

        Assert.Equal(NoticeKind.IncidentDetected, reopened.Kind);
        Assert.Equal("db-1:incident.detected:3:acme:alice:email", reopened.Id);
    }

    [Fact]
    public void AChangeWhileOpenIsAnUpdateToThoseAlreadyTold()
    {
        var scenario = new NoticeScenario();
        scenario.Apply(Step(ServiceTransitionKind.Open, 1, ServiceStatus.DegradedPerformance, 0));
        scenario.MarkAllSent();

        var update = Assert.Single(scenario.Apply(Step(ServiceTransitionKind.Update, 2, ServiceStatus.MajorOutage, 5)));

        Assert.Equal(NoticeKind.IncidentUpdate, update.Kind);
        Assert.Equal(IncidentSeverity.Critical, scenario.Impacts["db-1"].Severity);
    }

    [Fact]
    public void AChangeWhileTheFirstNoticeWasWithdrawnBecomesTheFirstNoticeWithTheLatestFacts()
    {
        var scenario = new NoticeScenario();
        scenario.Apply(Step(ServiceTransitionKind.Open, 1, ServiceStatus.DegradedPerformance, 0));
        scenario.WithdrawPending();

        var first = Assert.Single(scenario.Apply(Step(ServiceTransitionKind.Update, 2, ServiceStatus.MajorOutage, 5)));

        Assert.Equal(NoticeKind.IncidentDetected, first.Kind);
        Assert.Equal(2, first.Sequence);
    }

    [Fact]
    public void ContactsGetOnlyTheStagesTheyChose()
    {
        var scenario = new NoticeScenario(Alice(stages: [NoticeKind.IncidentResolved]));

        Assert.Empty(scenario.Apply(Step(ServiceTransitionKind.Open, 1, ServiceStatus.MajorOutage, 0)));
        var resolved = Assert.Single(scenario.Apply(Step(ServiceTransitionKind.Resolve, 2, ServiceStatus.Operational, 9)));
        Assert.Equal(NoticeKind.IncidentResolved, resolved.Kind);
    }

    [Fact]
    public void QuietHoursNeverHoldAnOutageNotice()
    {
        // 23:30 in Berlin, inside 22:00-07:00.
        var scenario = new NoticeScenario(Alice(quiet: new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0))));
        var lateEvening = Noon.AddHours(10.5);

        var detected = Assert.Single(scenario.Apply(Step(ServiceTransitionKind.Open, 1, ServiceStatus.DegradedPerformance, 630), lateEvening));

        Assert.Equal(lateEvening, detected.DueAt);
    }

    [Fact]
    public void QuietHoursHoldAnUpdateUntilTheyEndInTheContactsZone()
    {
        var scenario = new NoticeScenario(Alice(quiet: new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0))));
        scenario.Apply(Step(ServiceTransitionKind.Open, 1, ServiceStatus.DegradedPerformance, 600));
        scenario.MarkAllSent();
        var lateEvening = Noon.AddHours(10.5);

        var update = Assert.Single(scenario.Apply(Step(ServiceTransitionKind.Update, 2, ServiceStatus.MajorOutage, 630), lateEvening));

        // 07:00 in Berlin on 16 January is 06:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 1, 16, 6, 0, 0, TimeSpan.Zero), update.DueAt);
    }

    [Fact]
    public void AClientThatSubscribesOnlyToADependentHearsThroughTheDependency()
    {
        var scenario = new NoticeScenario { };
        scenario.Client = scenario.Client with { Subscriptions = [new Subscription("checkout", 1)] };

        var notice = Assert.Single(scenario.Apply(Step(ServiceTransitionKind.Open, 1, ServiceStatus.MajorOutage, 0)));

        var affected = Assert.Single(scenario.Impacts["db-1"].Affected);
        Assert.Equal(new AffectedService("checkout", "Checkout", ServiceStatus.PartialOutage, "db", "Customer database"), affected);
        Assert.Contains("Checkout", notice.Content.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AStepThatReachesNoneOfTheClientsServicesPlansNothing()
    {
        var scenario = new NoticeScenario();
        scenario.Client = scenario.Client with { Subscriptions = [new Subscription("billing", 1)] };

        Assert.Empty(scenario.Apply(Step(ServiceTransitionKind.Open, 1, ServiceStatus.MajorOutage, 0)));
        Assert.Empty(scenario.Impacts);
    }

    [Fact]
    public void ResolutionTellsTheServicesItHadReachedAreOperationalAgain()
    {
        var scenario = new NoticeScenario();
        scenario.Apply(Step(ServiceTransitionKind.Open, 1, ServiceStatus.MajorOutage, 0));
        scenario.MarkAllSent();

        var change = ClientImpacts.Apply(scenario.Impacts, scenario.Client, Step(ServiceTransitionKind.Resolve, 2, ServiceStatus.Operational, 3), Noon);

        Assert.NotNull(change);
        Assert.All(change.Affected, a => Assert.Equal(ServiceStatus.Operational, a.Status));
        Assert.Equal(["db", "checkout"], change.Affected.Select(a => a.ServiceId));
    }
}
