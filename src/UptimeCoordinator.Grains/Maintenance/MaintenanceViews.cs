using UptimeCoordinator.Contracts.Maintenance;
using UptimeCoordinator.Domain.Maintenance;
using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Domain.Time;

namespace UptimeCoordinator.Grains.Maintenance;

/// <summary>Maps a window's state to the API's view of it.</summary>
internal static class MaintenanceViews
{
    public static MaintenanceView Of(MaintenanceState state, IReadOnlyCollection<MaintenanceBulletin> pending)
    {
        var w = state.Window;
        return new MaintenanceView(
            w.Id,
            [.. w.ServiceIds],
            [.. state.AffectedServiceIds],
            w.Title,
            w.Description,
            w.Start,
            w.End,
            [.. w.NoticeLeadTimes.Select(IsoDuration.Format)],
            w.Stage,
            w.CreatedAt,
            w.AnnouncedAt,
            w.Revision,
            w.StartedAt,
            w.CompletedAt,
            w.CancelledAt,
            w.Overran,
            w.OverrunIncidentId,
            w.Stage == MaintenanceStage.Scheduled && w.RemindersDue.Count > 0 ? w.RemindersDue.Min(lead => w.Start - lead) : null,
            [.. w.Bulletins.Select(b => new MaintenanceStepView(
                b.Sequence, b.Kind, b.Kind.NoticeKind().WireName(), b.At, b.LeadTime is { } lead ? IsoDuration.Format(lead) : null, b.Revision,
                !pending.Any(p => p.Sequence == b.Sequence), b.By, b.Reason))],
            [.. state.SlaWarnings],
            CalendarLinks.Path(w.Id),
            state.CreatedBy,
            w.WorkEndedAt);
    }
}
