namespace UptimeCoordinator.Domain.Sla;

/// <summary>One service's uptime over the whole range (weighted by time) and day by day, oldest first.</summary>
public sealed record ServiceUptimeHistory(string ServiceId, double UptimePercent, IReadOnlyList<DayUptime> Days);
