namespace UptimeCoordinator.Domain.Sla;

/// <summary>
/// One subscribed service's month: eligible and excluded minutes add up to the measured minutes,
/// and down minutes are weighted by severity within the eligible ones.
/// </summary>
/// <param name="ExcludedMaintenanceIds">Windows in the measured range that were announced in time and kept.</param>
/// <param name="CountedMaintenanceIds">Windows in the measured range that excused nothing: short notice or overrun.</param>
public sealed record ServiceSla(
    string ServiceId,
    double EligibleMinutes,
    double DownMinutes,
    double ExcludedMinutes,
    double UptimePercent,
    IReadOnlyList<string> ExcludedMaintenanceIds,
    IReadOnlyList<string> CountedMaintenanceIds);
