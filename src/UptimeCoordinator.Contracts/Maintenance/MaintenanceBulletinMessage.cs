using UptimeCoordinator.Contracts.Notices;
using UptimeCoordinator.Domain.Maintenance;
using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Contracts.Maintenance;

/// <summary>The wire form of <see cref="MaintenanceNoticeStep"/>: one message for every client a window's step reaches.</summary>
[GenerateSerializer, Alias("uc.MaintenanceBulletinMessage")]
public sealed record MaintenanceBulletinMessage(
    [property: Id(0)] string WindowId,
    [property: Id(1)] string Title,
    [property: Id(2)] string? Description,
    [property: Id(3)] long Sequence,
    [property: Id(4)] MaintenanceBulletinKind Kind,
    [property: Id(5)] DateTimeOffset At,
    [property: Id(6)] int Revision,
    [property: Id(7)] DateTimeOffset RevisedAt,
    [property: Id(8)] DateTimeOffset Start,
    [property: Id(9)] DateTimeOffset End,
    [property: Id(10)] TimeSpan? LeadTime,
    [property: Id(11)] DateTimeOffset? PreviousStart,
    [property: Id(12)] DateTimeOffset? PreviousEnd,
    [property: Id(13)] string? OverrunIncidentId,
    [property: Id(14)] BulletinServiceMessage[] Impacted,
    [property: Id(15)] TimeSpan[] RemindersAhead,
    [property: Id(16)] string? By,
    [property: Id(17)] string? Reason)
{
    public static MaintenanceBulletinMessage Of(MaintenanceWindow window, MaintenanceBulletin b, BulletinServiceMessage[] impacted) => new(
        window.Id, window.Title, window.Description, b.Sequence, b.Kind, b.At, b.Revision, b.RevisedAt, b.Start, b.End,
        b.LeadTime, b.PreviousStart, b.PreviousEnd, b.OverrunIncidentId, impacted, [.. b.RemindersAhead ?? []], b.By, b.Reason);

    public MaintenanceNoticeStep ToDomain(string? calendarUrl) => new(
        WindowId,
        Title,
        Description,
        new MaintenanceBulletin(Sequence, Kind, At, Revision, RevisedAt, Start, End, LeadTime, PreviousStart, PreviousEnd, OverrunIncidentId, RemindersAhead, By, Reason),
        [.. Impacted.Select(i => i.ToDomain())],
        calendarUrl);
}
