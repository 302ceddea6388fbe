using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Costs;
using UptimeCoordinator.Domain.Maintenance;
using UptimeCoordinator.Domain.Sla;

namespace UptimeCoordinator.Domain.Tests.Maintenance;

/// <summary>Work on "db" takes "db" down for its subscribers, and leaves "api", which depends on it, limping.</summary>
public sealed class MaintenanceExposureTests
{
    private static readonly HashSet<string> Window = ["db"];
    private static readonly HashSet<string> Dependents = ["api"];

    // A major outage stops 80 % of a subscription's work here, a partial one 40 %.
    private static readonly CostProfile Profile = new("EUR", 1000m, WeeklyUsage.BusinessHours, new SeverityFactors(0.8, 0.4, 0.1));

    private static ClientDefinition Client(params (string ServiceId, double Impact)[] subscriptions) =>
        new("acme", "Acme", "Europe/Berlin", [.. subscriptions.Select(s => new Subscription(s.ServiceId, s.Impact))], [], Profile);

    [Fact]
    public void ASubscriptionToAServiceUnderMaintenanceWeighsAsAnOutage()
    {
        var exposure = MaintenanceExposure.Of(Client(("db", 0.5)), Window, Dependents);

        Assert.NotNull(exposure);
        Assert.Equal(0.5 * 0.8, exposure.Share, 12);
        Assert.Equal(("acme", "Acme", "Europe/Berlin"), (exposure.ClientId, exposure.ClientName, exposure.TimeZone));
        Assert.Same(Profile, exposure.Profile);
    }

    [Fact]
    public void ASubscriptionToADependentServiceWeighsAsAPartialOutage()
    {
        var exposure = MaintenanceExposure.Of(Client(("api", 0.5)), Window, Dependents);

        Assert.Equal(0.5 * 0.4, exposure!.Share, 12);
    }

    [Fact]
    public void AServiceReachedBothWaysCountsOnceAsDirect()
    {
        var exposure = MaintenanceExposure.Of(Client(("db", 0.5)), Window, new HashSet<string> { "db", "api" });

        Assert.Equal(0.5 * 0.8, exposure!.Share, 12);
    }

    [Fact]
    public void TheSharesOfEverySubscriptionReachedAddUp()
    {
        var exposure = MaintenanceExposure.Of(Client(("db", 0.5), ("api", 1.0), ("mail", 1.0)), Window, Dependents);

        Assert.Equal((0.5 * 0.8) + (1.0 * 0.4), exposure!.Share, 12);
    }

    [Fact]
    public void AClientSubscribedToNoneOfTheServicesIsNotExposed() =>
        Assert.Null(MaintenanceExposure.Of(Client(("mail", 1.0)), Window, Dependents));

    [Fact]
    public void WithoutACostProfileTheDefaultFactorsGiveTheShareAndTheSlaGivesTheNotice()
    {
        var client = Client(("db", 1.0), ("api", 1.0)) with { CostProfile = null };

        var exposure = MaintenanceExposure.Of(client, Window, Dependents);

        Assert.Null(exposure!.Profile);
        Assert.Equal(SeverityFactors.Default.MajorOutage + SeverityFactors.Default.PartialOutage, exposure.Share, 12);
        Assert.Equal(SlaTerms.Default.MaintenanceNoticeHours, exposure.MaintenanceNoticeHours);
    }

    [Fact]
    public void TheNoticeIsTheClientsOwnSlas()
    {
        var client = Client(("db", 1.0)) with { Sla = new ClientSla(SlaTerms.Default with { MaintenanceNoticeHours = 120 }, "EUR") };

        Assert.Equal(120, MaintenanceExposure.Of(client, Window, Dependents)!.MaintenanceNoticeHours);
    }
}
