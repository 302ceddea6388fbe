using System.Text.Json.Serialization;
using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Domain.Maintenance;

/// <summary>What a window tells the people it affects at one of its steps.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MaintenanceBulletinKind>))]
public enum MaintenanceBulletinKind
{
    [JsonStringEnumMemberName("scheduled")] Scheduled = 0,
    [JsonStringEnumMemberName("reminder")] Reminder = 1,
    [JsonStringEnumMemberName("started")] Started = 2,
    [JsonStringEnumMemberName("completed")] Completed = 3,
    [JsonStringEnumMemberName("rescheduled")] Rescheduled = 4,
    [JsonStringEnumMemberName("cancelled")] Cancelled = 5,
}

public static class MaintenanceBulletinKinds
{
    /// <summary>The notice kind of each step: a reschedule and a cancellation are both <c>maintenance.changed</c>.</summary>
    public static NoticeKind NoticeKind(this MaintenanceBulletinKind kind) => kind switch
    {
        MaintenanceBulletinKind.Scheduled => Notices.NoticeKind.MaintenanceScheduled,
        MaintenanceBulletinKind.Reminder => Notices.NoticeKind.MaintenanceReminder,
        MaintenanceBulletinKind.Started => Notices.NoticeKind.MaintenanceStarted,
        MaintenanceBulletinKind.Completed => Notices.NoticeKind.MaintenanceCompleted,
        MaintenanceBulletinKind.Rescheduled or MaintenanceBulletinKind.Cancelled => Notices.NoticeKind.MaintenanceChanged,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown maintenance step."),
    };

    /// <summary>Steps that speak of work still to come: their notices are worthless once it has begun.</summary>
    public static bool AnnouncesAhead(this MaintenanceBulletinKind kind) =>
        kind is MaintenanceBulletinKind.Scheduled or MaintenanceBulletinKind.Reminder or MaintenanceBulletinKind.Rescheduled or MaintenanceBulletinKind.Cancelled;
}
