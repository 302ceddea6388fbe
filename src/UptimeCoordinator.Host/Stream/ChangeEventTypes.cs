using UptimeCoordinator.Contracts.Changes;

namespace UptimeCoordinator.Host.Stream;

/// <summary>The SSE <c>event:</c> names of the live stream, one per kind of change.</summary>
internal static class ChangeEventTypes
{
    public const string ServiceStatus = "service.status";
    public const string IncidentChanged = "incident.changed";
    public const string NoticeChanged = "notice.changed";
    public const string MaintenanceChanged = "maintenance.changed";

    public static string Of(ChangeEvent change) => change switch
    {
        ServiceStatusChanged => ServiceStatus,
        Contracts.Changes.IncidentChanged => IncidentChanged,
        Contracts.Changes.NoticeChanged => NoticeChanged,
        Contracts.Changes.MaintenanceChanged => MaintenanceChanged,
        _ => throw new ArgumentOutOfRangeException(nameof(change), change.GetType().Name, "Every change event needs an SSE event type."),
    };
}
