using UptimeCoordinator.Domain.Costs;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Tests.Costs;

public sealed class SeverityFactorsTests
{
    [Theory]
    [InlineData(ServiceStatus.Operational, 0)]
    [InlineData(ServiceStatus.DegradedPerformance, 0.2)]
    [InlineData(ServiceStatus.PartialOutage, 0.5)]
    [InlineData(ServiceStatus.MajorOutage, 1.0)]
    [InlineData(ServiceStatus.UnderMaintenance, 1.0)]
    public void TheDefaultsFollowTheDesign(ServiceStatus status, double factor) =>
        Assert.Equal(factor, SeverityFactors.Default.For(status));

    [Fact]
    public void MaintenanceUsesTheConfiguredMajorOutageFactor() =>
        Assert.Equal(0.7, new SeverityFactors(MajorOutage: 0.7).For(ServiceStatus.UnderMaintenance));
}
