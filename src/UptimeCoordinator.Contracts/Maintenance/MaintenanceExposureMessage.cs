using UptimeCoordinator.Domain.Costs;
using UptimeCoordinator.Domain.Maintenance;

namespace UptimeCoordinator.Contracts.Maintenance;

/// <summary>The wire form of <see cref="MaintenanceExposure"/>: how much maintenance on some services costs one client, and the notice it is owed.</summary>
[GenerateSerializer, Alias("uc.MaintenanceExposureMessage")]
public sealed record MaintenanceExposureMessage(
    [property: Id(0)] string ClientId,
    [property: Id(1)] string ClientName,
    [property: Id(2)] string TimeZone,
    [property: Id(3)] string? Currency,
    [property: Id(4)] decimal CostPerHour,
    [property: Id(5)] double[]? WeeklyUsage,
    [property: Id(6)] double Share,
    [property: Id(7)] int MaintenanceNoticeHours)
{
    public static MaintenanceExposureMessage Of(MaintenanceExposure e) => new(
        e.ClientId, e.ClientName, e.TimeZone, e.Profile?.Currency, e.Profile?.CostPerHour ?? 0, e.Profile is { } p ? [.. p.WeeklyUsage] : null,
        e.Share, e.MaintenanceNoticeHours);

    // The share already holds the severity factors; the profile only needs its curve and rate here.
    public MaintenanceExposure ToDomain() => new(
        ClientId, ClientName, TimeZone,
        Currency is { } currency && WeeklyUsage is { } usage ? new CostProfile(currency, CostPerHour, usage, SeverityFactors.Default) : null,
        Share, MaintenanceNoticeHours);
}
