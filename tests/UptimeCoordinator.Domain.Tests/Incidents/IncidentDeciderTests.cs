using UptimeCoordinator.Domain.Health;
using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Tests.Incidents;

public sealed class IncidentDeciderTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan ReopenWindow = TimeSpan.FromMinutes(15);
    private const string Nonce = "a1b2c3";

    private static StatusChange Change(ServiceStatus from, ServiceStatus to, DateTimeOffset at) => new(1, from, to, at, "probe", "default", null);

    [Fact]
    public void OutageWithoutOpenIncidentOpensOneNamedAfterServiceAndTime()
    {
        var transition = IncidentDecider.Decide("db", Change(ServiceStatus.Operational, ServiceStatus.MajorOutage, Noon), null, null, null, ReopenWindow, Nonce);

        Assert.Equal(ServiceTransitionKind.Open, transition!.Kind);
        Assert.Equal("db-20261123T120000Z-a1b2c3", transition.IncidentId);
    }

    [Fact]
    public void ChangeWhileIncidentIsOpenUpdatesIt()
    {
        var transition = IncidentDecider.Decide("db", Change(ServiceStatus.DegradedPerformance, ServiceStatus.MajorOutage, Noon), "db-1", null, null, ReopenWindow, Nonce);

        Assert.Equal(new ServiceTransition(ServiceTransitionKind.Update, "db-1", "db", transition!.Change), transition);
    }

    [Fact]
    public void RecoveryResolvesTheOpenIncident()
    {
        var transition = IncidentDecider.Decide("db", Change(ServiceStatus.MajorOutage, ServiceStatus.Operational, Noon), "db-1", null, null, ReopenWindow, Nonce);

        Assert.Equal(ServiceTransitionKind.Resolve, transition!.Kind);
        Assert.Equal("db-1", transition.IncidentId);
    }

    [Fact]
    public void RecurrenceWithinTheReopenWindowReopensTheLastIncident()
    {
        var resolved = new RecentResolution("db-1", Noon);

        var transition = IncidentDecider.Decide("db", Change(ServiceStatus.Operational, ServiceStatus.PartialOutage, Noon + ReopenWindow), null, null, resolved, ReopenWindow, Nonce);

        Assert.Equal(ServiceTransitionKind.Reopen, transition!.Kind);
        Assert.Equal("db-1", transition.IncidentId);
    }

    [Fact]
    public void RecurrenceAfterTheReopenWindowOpensANewIncident()
    {
        var resolved = new RecentResolution("db-1", Noon);
        var later = Noon + ReopenWindow + TimeSpan.FromSeconds(1);

        var transition = IncidentDecider.Decide("db", Change(ServiceStatus.Operational, ServiceStatus.MajorOutage, later), null, null, resolved, ReopenWindow, Nonce);

        Assert.Equal(ServiceTransitionKind.Open, transition!.Kind);
        Assert.NotEqual("db-1", transition.IncidentId);
    }

    [Fact]
    public void LeavingAnOutageWithoutAnIncidentNeedsNothing() =>
        Assert.Null(IncidentDecider.Decide("db", Change(ServiceStatus.DegradedPerformance, ServiceStatus.Operational, Noon), null, null, null, ReopenWindow, Nonce));

    [Fact]
    public void AnOutageOnAServiceWithAClientsReportConfirmsThatReport()
    {
        var transition = IncidentDecider.Decide("db", Change(ServiceStatus.Operational, ServiceStatus.DegradedPerformance, Noon), null, "db-r", null, ReopenWindow, Nonce);

        Assert.Equal(ServiceTransitionKind.Confirm, transition?.Kind);
        Assert.Equal("db-r", transition?.IncidentId);
    }

    [Fact]
    public void AnOpenIncidentTakesPrecedenceOverASuspectedOne()
    {
        var transition = IncidentDecider.Decide("db", Change(ServiceStatus.DegradedPerformance, ServiceStatus.MajorOutage, Noon), "db-1", "db-r", null, ReopenWindow, Nonce);

        Assert.Equal(ServiceTransitionKind.Update, transition?.Kind);
        Assert.Equal("db-1", transition?.IncidentId);
    }
}
