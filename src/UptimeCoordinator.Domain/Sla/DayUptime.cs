using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Sla;

/// <summary>
/// One local calendar day of one service, over its real length (23 or 25 hours on a clock change,
/// up to now for today). <see cref="UptimePercent"/> loses what the SLA would count down. The minutes
/// count each instant once, at the worst status then: down (the SLA counts it, partly or fully),
/// degraded (trouble the SLA does not count) and under maintenance. They are whole minutes rounded
/// to the nearest, half away from zero, in a way that never makes them add up to more than the day.
/// </summary>
/// <param name="Worst">The worst status seen that day; <see cref="ServiceStatus.Operational"/> when none.</param>
public sealed record DayUptime(DateOnly Date, double UptimePercent, int DownMinutes, int DegradedMinutes, int MaintenanceMinutes, ServiceStatus Worst);
