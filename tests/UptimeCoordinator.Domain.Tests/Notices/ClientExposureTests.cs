using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Tests.Notices;

public sealed class ClientExposureTests
{
    [Theory]
    [InlineData(ServiceStatus.MajorOutage, ServiceStatus.PartialOutage)]
    [InlineData(ServiceStatus.PartialOutage, ServiceStatus.PartialOutage)]
    [InlineData(ServiceStatus.UnderMaintenance, ServiceStatus.PartialOutage)]
    [InlineData(ServiceStatus.DegradedPerformance, ServiceStatus.DegradedPerformance)]
    [InlineData(ServiceStatus.Operational, ServiceStatus.Operational)]
    public void AServiceFaresThroughItsDependencyNoWorseThanPartlyDown(ServiceStatus dependency, ServiceStatus dependent) =>
        Assert.Equal(dependent, ClientExposure.ThroughDependency(dependency));
}
