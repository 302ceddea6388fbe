using UptimeCoordinator.Domain.Maintenance;

namespace UptimeCoordinator.Domain.Notices;

/// <summary>
/// One step of a maintenance window as handed to a client: the window, the bulletin, and every
/// service the window reaches with how it fares (<c>under_maintenance</c> for the window's own
/// services, <c>partial_outage</c> for those that depend on them).
/// </summary>
/// <param name="CalendarUrl">Where the window's invite can be fetched (<c>…/api/v1/maintenance/{id}/calendar.ics</c>), when a public base URL is known.</param>
public sealed record MaintenanceNoticeStep(
    string WindowId,
    string Title,
    string? Description,
    MaintenanceBulletin Bulletin,
    IReadOnlyList<AffectedService> Impacted,
    string? CalendarUrl);
