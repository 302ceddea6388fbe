using UptimeCoordinator.Contracts.Changes;
using UptimeCoordinator.Contracts.Clients;
using UptimeCoordinator.Contracts.Maintenance;
using UptimeCoordinator.Domain.Maintenance;
using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Grains.Changes;
using UptimeCoordinator.Grains.Maintenance;

namespace UptimeCoordinator.Grains.Clients;

/// <summary>The client's side of maintenance: the notices of each window step, the window in the ledger, and what a window would cost it.</summary>
public sealed partial class ClientGrain
{
    public async Task ApplyMaintenanceBulletinAsync(MaintenanceBulletinMessage message)
    {
        if (State.Definition is not { } client)
        {
            return;
        }

        var step = message.ToDomain(CalendarLinks.For(notificationOptions.Value.PublicBaseUrl, message.WindowId));
        var affected = ClientExposure.OfImpacted(client, step.Impacted);
        if (affected.Count == 0)
        {
            return;
        }

        // Notices of earlier steps still held for quiet hours say less than this one: it supersedes them.
        var now = time.GetUtcNow();
        var bulletin = step.Bulletin;
        var withdrawn = WakeUp.Dispatch.WithdrawPending(
            State.Outbox, step.WindowId, $"superseded by step {bulletin.Sequence} of the maintenance window while held for quiet hours",
            n => n.DueAt > now && n.Sequence < bulletin.Sequence);
        var planned = MaintenanceNoticePlanner.Plan(client, step, State.Outbox, now, bulletin.RemindersAhead);

        // The window's minutes go in the ledger like an outage's: they cost the client, and the SLA decides what they excuse.
        var open = CostMetrics.OpenSpans(State.Ledger);
        var ledgerChanged = bulletin.Kind switch
        {
            MaintenanceBulletinKind.Started => State.Ledger.Apply(step.WindowId, affected, bulletin.Start),
            MaintenanceBulletinKind.Completed => State.Ledger.Close(step.WindowId, bulletin.End),
            MaintenanceBulletinKind.Cancelled => State.Ledger.Close(step.WindowId, bulletin.At),
            _ => false,
        };
        var inProgressChanged = bulletin.Kind == MaintenanceBulletinKind.Started
            ? State.MaintenanceInProgress.TryAdd(step.WindowId, ClientMaintenanceView.Of(step.WindowId, step.Title, bulletin.Start, bulletin.End, affected))
            : State.MaintenanceInProgress.Remove(step.WindowId);
        if (ledgerChanged)
        {
            CostMetrics.CountEnded(client, open, State.Ledger);
            planned.AddRange(await CheckSlaAsync(now));
        }

        if (planned.Count == 0 && withdrawn.Count == 0 && !ledgerChanged && !inProgressChanged)
        {
            return;
        }

        State.Outbox.Add(planned);
        await WakeUp.SyncReminderAsync();
        await state.WriteOrDiscardAsync(this);
        WakeUp.DispatchDue();
        await this.PublishChangesAsync([.. withdrawn.Concat(planned).Select(n => NoticeChanged.Of(Id, n, now))], logger);
    }

    public Task<MaintenanceExposureMessage?> MaintenanceExposureAsync(string[] windowServices, string[] dependentServices) =>
        Task.FromResult(State.Definition is { } client
            && MaintenanceExposure.Of(client, windowServices.ToHashSet(StringComparer.Ordinal), dependentServices.ToHashSet(StringComparer.Ordinal)) is { } exposure
                ? MaintenanceExposureMessage.Of(exposure)
                : null);
}
