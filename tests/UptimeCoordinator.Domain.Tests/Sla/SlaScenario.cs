using UptimeCoordinator.Domain.Services;
using UptimeCoordinator.Domain.Sla;

namespace UptimeCoordinator.Domain.Tests.Sla;

/// <summary>June 2026 in UTC: 30 days, 43 200 minutes, so hand-computed figures stay round.</summary>
internal static class SlaScenario
{
    public const int Year = 2026;
    public const int Month = 6;
    public const double MonthMinutes = 30 * 24 * 60;

    public static readonly DateTimeOffset MonthStart = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset AfterMonth = new(2026, 7, 15, 0, 0, 0, TimeSpan.Zero);
    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static readonly IReadOnlyList<(string ServiceId, double Impact)> Api = [("api", 1.0)];

    public static DateTimeOffset At(double minute) => MonthStart.AddMinutes(minute);

    public static StatusSpan Span(ServiceStatus status, double fromMinute, double? toMinute, string serviceId = "api") =>
        new(serviceId, status, At(fromMinute), toMinute is { } to ? At(to) : null);

    public static MaintenanceSpan Window(string id, double startMinute, double endMinute, double announcedHoursAhead, double? endedMinute = null) =>
        new(id, ["api"], At(startMinute), At(endMinute), At(startMinute).AddHours(-announcedHoursAhead), endedMinute is { } ended ? At(ended) : null);

    public static SlaReport June(
        IReadOnlyList<StatusSpan> spans,
        IReadOnlyList<MaintenanceSpan>? maintenance = null,
        SlaTerms? terms = null,
        IReadOnlyList<(string ServiceId, double Impact)>? subscriptions = null,
        DateTimeOffset? now = null) =>
        SlaCalculator.Month(terms ?? SlaTerms.Default, TimeZoneInfo.Utc, Year, Month, subscriptions ?? Api, spans, maintenance ?? [], now ?? AfterMonth);
}
