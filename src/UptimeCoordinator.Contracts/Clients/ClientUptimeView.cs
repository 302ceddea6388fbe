using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Contracts.Clients;

/// <summary><c>GET /api/v1/clients/{id}/uptime</c>: per service the client uses, its uptime day by day in the client's zone.</summary>
[GenerateSerializer, Alias("uc.ClientUptimeView")]
public sealed record ClientUptimeView(
    [property: Id(0)] string ClientId,
    [property: Id(1)] string TimeZone,
    [property: Id(2)] int Days,
    [property: Id(3)] ServiceUptimeView[] Services);

/// <summary>One service's uptime over the range, weighted by time, and day by day, oldest first.</summary>
[GenerateSerializer, Alias("uc.ServiceUptimeView")]
public sealed record ServiceUptimeView(
    [property: Id(0)] string ServiceId,
    [property: Id(1)] string Name,
    [property: Id(2)] double UptimePercent,
    [property: Id(3)] DayUptimeView[] Days);

/// <summary>One calendar day of one service: its uptime, the minutes down, degraded and under maintenance, and its worst status.</summary>
[GenerateSerializer, Alias("uc.DayUptimeView")]
public sealed record DayUptimeView(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] double UptimePercent,
    [property: Id(2)] int DownMinutes,
    [property: Id(3)] int DegradedMinutes,
    [property: Id(4)] int MaintenanceMinutes,
    [property: Id(5)] ServiceStatus Worst);
