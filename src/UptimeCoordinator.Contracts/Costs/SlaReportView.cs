using UptimeCoordinator.Domain.Sla;

namespace UptimeCoordinator.Contracts.Costs;

/// <summary><c>GET /api/v1/clients/{id}/sla?month=</c>: the month's figures, per service and overall, with the credit due.</summary>
[GenerateSerializer, Alias("uc.SlaReportView")]
public sealed record SlaReportView(
    [property: Id(0)] string ClientId,
    [property: Id(1)] string Month,
    [property: Id(2)] string TimeZone,
    [property: Id(3)] DateTimeOffset From,
    [property: Id(4)] DateTimeOffset To,
    [property: Id(5)] DateTimeOffset MeasuredUntil,
    [property: Id(6)] double EligibleMinutes,
    [property: Id(7)] double DownMinutes,
    [property: Id(8)] double ExcludedMinutes,
    [property: Id(9)] double UptimePercent,
    [property: Id(10)] double TargetPercent,
    [property: Id(11)] bool Met,
    [property: Id(12)] string Status,
    [property: Id(13)] CreditTierSpec? CreditTier,
    [property: Id(14)] MoneyView CreditDue,
    [property: Id(15)] double ErrorBudgetMinutes,
    [property: Id(16)] double ErrorBudgetLeftMinutes,
    [property: Id(17)] ServiceSlaView[] Services,
    [property: Id(18)] MaintenanceSlaView[] Maintenance)
{
    public static SlaReportView Of(string clientId, string timeZone, SlaReport r, string currency, IReadOnlyList<MaintenanceSpan> windows, int noticeHours) => new(
        clientId, $"{r.Year:D4}-{r.Month:D2}", timeZone, r.From, r.To, r.MeasuredUntil,
        Round(r.EligibleMinutes), Round(r.DownMinutes), Round(r.ExcludedMinutes), Math.Round(r.UptimePercent, 4), r.TargetPercent, r.Met,
        r.Met ? "met" : "breached",
        r.Tier is { } tier ? new CreditTierSpec(tier.BelowPercent, tier.CreditPercent) : null,
        MoneyView.Of(r.CreditAmount, currency), Round(r.ErrorBudgetMinutes), Round(r.ErrorBudgetLeftMinutes),
        [.. r.Services.Select(s => new ServiceSlaView(
            s.ServiceId, Round(s.EligibleMinutes), Round(s.DownMinutes), Round(s.ExcludedMinutes), Math.Round(s.UptimePercent, 4),
            [.. s.ExcludedMaintenanceIds], [.. s.CountedMaintenanceIds]))],
        [.. windows.OrderBy(w => w.Start).Select(w => MaintenanceSlaView.Of(w, noticeHours, r.From, r.MeasuredUntil))]);

    private static double Round(double minutes) => Math.Round(minutes, 2);
}

[GenerateSerializer, Alias("uc.ServiceSlaView")]
public sealed record ServiceSlaView(
    [property: Id(0)] string ServiceId,
    [property: Id(1)] double EligibleMinutes,
    [property: Id(2)] double DownMinutes,
    [property: Id(3)] double ExcludedMinutes,
    [property: Id(4)] double UptimePercent,
    [property: Id(5)] string[] ExcludedMaintenanceIds,
    [property: Id(6)] string[] CountedMaintenanceIds);

/// <summary>An SLA month as JSON and, for finance, as CSV.</summary>
[GenerateSerializer, Alias("uc.SlaResult")]
public sealed record SlaResult([property: Id(0)] SlaReportView Report, [property: Id(1)] string Csv);

/// <summary>
/// One maintenance window of the month as the SLA judged it: the notice it gave against the notice
/// promised, whether the work stayed inside it, and so whether its minutes were excluded.
/// </summary>
/// <param name="ExcludedMinutes">Minutes of the window inside the measured part of the month, if it was excluded; else 0.</param>
[GenerateSerializer, Alias("uc.MaintenanceSlaView")]
public sealed record MaintenanceSlaView(
    [property: Id(0)] string WindowId,
    [property: Id(1)] DateTimeOffset Start,
    [property: Id(2)] DateTimeOffset End,
    [property: Id(3)] DateTimeOffset AnnouncedAt,
    [property: Id(4)] double NoticeGivenHours,
    [property: Id(5)] int NoticeRequiredHours,
    [property: Id(6)] bool Overran,
    [property: Id(7)] bool Excluded,
    [property: Id(8)] double ExcludedMinutes,
    [property: Id(9)] string Reason)
{
    public static MaintenanceSlaView Of(MaintenanceSpan w, int noticeHours, DateTimeOffset from, DateTimeOffset until)
    {
        var excluded = w.QualifiesForExclusion(noticeHours);
        var overran = w.EndedAt is { } ended && ended > w.End;
        var given = Math.Round((w.Start - w.AnnouncedAt).TotalHours, 2);
        var inside = (w.End < until ? w.End : until) - (w.Start > from ? w.Start : from);
        var reason = excluded
            ? "announced in time and kept to its window: excluded"
            : overran ? "the work overran its window: counted as downtime" : "announced with less notice than the SLA asks: counted as downtime";
        return new(w.Id, w.Start, w.End, w.AnnouncedAt, given, noticeHours, overran, excluded,
            excluded && inside > TimeSpan.Zero ? Math.Round(inside.TotalMinutes, 2) : 0, reason);
    }
}
