using UptimeCoordinator.Domain.Maintenance;

namespace UptimeCoordinator.Contracts.Maintenance;

/// <summary>A maintenance window as the API shows it: its plan, its life, and which notices it handed out when.</summary>
/// <param name="AffectedServiceIds">Its services and every service that depends on them.</param>
/// <param name="NoticeLeadTimes">ISO 8601 durations before the start when reminders go out.</param>
/// <param name="Revision">The invite's SEQUENCE: 0 when scheduled, one more at every change.</param>
/// <param name="SlaWarnings">Clients whose SLA asks for more notice than this window gives: their SLA counts it as downtime.</param>
[GenerateSerializer, Alias("uc.MaintenanceView")]
public sealed record MaintenanceView(
    [property: Id(0)] string Id,
    [property: Id(1)] string[] ServiceIds,
    [property: Id(2)] string[] AffectedServiceIds,
    [property: Id(3)] string Title,
    [property: Id(4)] string? Description,
    [property: Id(5)] DateTimeOffset Start,
    [property: Id(6)] DateTimeOffset End,
    [property: Id(7)] string[] NoticeLeadTimes,
    [property: Id(8)] MaintenanceStage State,
    [property: Id(9)] DateTimeOffset CreatedAt,
    [property: Id(10)] DateTimeOffset AnnouncedAt,
    [property: Id(11)] int Revision,
    [property: Id(12)] DateTimeOffset? StartedAt,
    [property: Id(13)] DateTimeOffset? CompletedAt,
    [property: Id(14)] DateTimeOffset? CancelledAt,
    [property: Id(15)] bool Overran,
    [property: Id(16)] string? OverrunIncidentId,
    [property: Id(17)] DateTimeOffset? NextReminderAt,
    [property: Id(18)] MaintenanceStepView[] Notices,
    [property: Id(19)] SlaNoticeWarning[] SlaWarnings,
    [property: Id(20)] string CalendarUrl,
    [property: Id(21)] string CreatedBy,
    [property: Id(22)] DateTimeOffset? WorkEndedAt);

/// <summary>One step the window handed out: the notice kind every affected contact got, and when.</summary>
/// <param name="Step">What happened (<c>scheduled, reminder, started, completed, rescheduled, cancelled</c>).</param>
/// <param name="Kind">The notice kind it sent (<c>maintenance.*</c>).</param>
/// <param name="Delivered">Whether every client it reaches has taken it (planned its notices).</param>
/// <param name="By">Who rescheduled or cancelled.</param>
[GenerateSerializer, Alias("uc.MaintenanceStepView")]
public sealed record MaintenanceStepView(
    [property: Id(0)] long Sequence,
    [property: Id(1)] MaintenanceBulletinKind Step,
    [property: Id(2)] string Kind,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string? LeadTime,
    [property: Id(5)] int Revision,
    [property: Id(6)] bool Delivered,
    [property: Id(7)] string? By,
    [property: Id(8)] string? Reason);

/// <summary>A client whose SLA asks for more notice than the window gives, so its SLA will count the window as downtime.</summary>
[GenerateSerializer, Alias("uc.SlaNoticeWarning")]
public sealed record SlaNoticeWarning(
    [property: Id(0)] string ClientId,
    [property: Id(1)] string ClientName,
    [property: Id(2)] int RequiredNoticeHours,
    [property: Id(3)] double GivenNoticeHours,
    [property: Id(4)] string Message);
