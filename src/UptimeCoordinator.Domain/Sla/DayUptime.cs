using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Sla;

/// <summary>
/// One local calendar day of one service. <see cref="UptimePercent"/> weighs each status as the SLA
/// does; the minutes count, by the worst status at the time, how long it was down (major or partial
/// outage), degraded and under maintenance, rounded to the nearest minute.
/// </summary>
public sealed record DayUptime(DateOnly Date, double UptimePercent, int DownMinutes, int DegradedMinutes, int MaintenanceMinutes, ServiceStatus Worst);
