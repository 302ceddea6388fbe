using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UptimeCoordinator.Contracts.Changes;
using UptimeCoordinator.Contracts.Maintenance;
using UptimeCoordinator.Contracts.Services;
using UptimeCoordinator.Domain.Maintenance;
using UptimeCoordinator.Grains.Changes;
using UptimeCoordinator.Grains.Notices;
using UptimeCoordinator.Grains.Scheduling;

namespace UptimeCoordinator.Grains.Maintenance;

/// <summary>
/// One maintenance window. Reserves its time on its services in the index, persists each step with
/// the bulletin it hands out before answering, hands those out in a turn of its own, and wakes
/// itself for the reminders, the start (its services go under maintenance) and the end (they come
/// back, or the unfinished work becomes an incident).
/// </summary>
[GrainType("maintenance")]
public sealed partial class MaintenanceGrain(
    [PersistentState("maintenance")] IPersistentState<MaintenanceState> state,
    IOptions<NotificationOptions> notificationOptions,
    TimeProvider time,
    ILogger<MaintenanceGrain> logger) : Grain, IMaintenanceGrain, IRemindable
{
    private OrderedHandOut<MaintenanceBulletin>? _broadcast;
    private DueWakeUp? _agenda;

    private MaintenanceWindow Window => state.State.Window;

    private OrderedHandOut<MaintenanceBulletin> Broadcast => _broadcast ??= MaintenanceBroadcast.For(this, GrainFactory, state, logger);

    // The reminder's name is stored with each registration: it must not change.
    private DueWakeUp Agenda => _agenda ??= new DueWakeUp(this, time, "maintenance-agenda", TimeSpan.FromMinutes(1), RunDueAsync);

    private IMaintenanceIndexGrain Index => GrainFactory.GetGrain<IMaintenanceIndexGrain>(IMaintenanceIndexGrain.Key);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!Window.Exists)
        {
            return;
        }

        // A previous activation may have died before handing everything out, or before a step came due.
        await RunDueAsync();
        if (state.State.PendingBulletins.Count > 0)
        {
            Broadcast.Kick();
        }
    }

    public async Task<MaintenanceCommandResult> ScheduleAsync(ScheduleMaintenance c)
    {
        if (Window.Exists)
        {
            return new(MaintenanceCommandOutcome.AlreadyExists, "A window with this id exists.", View(), []);
        }

        var now = time.GetUtcNow();
        var id = this.GetPrimaryKeyString();
        var (window, bulletin) = MaintenanceWindow.Schedule(id, c.ServiceIds, c.Title, c.Description, c.Start, c.End, c.NoticeLeadTimes, now);
        var impacted = await MaintenanceReach.ImpactedAsync(GrainFactory, window.ServiceIds);
        List<string> affected = [.. impacted.Select(i => i.ServiceId)];
        var overlapping = await Index.ReserveAsync(Entry(window, affected, now));
        if (overlapping.Length > 0)
        {
            return new(MaintenanceCommandOutcome.Overlaps, "Another window holds one of these services at that time.", null, overlapping);
        }

        try
        {
            state.State = new MaintenanceState
            {
                Window = window,
                CreatedBy = c.By,
                AffectedServiceIds = affected,
                ServiceNames = [.. impacted.Where(i => i.ViaServiceId is null).Select(i => i.Name)],
                SlaWarnings = await WarningsAsync(window, now),
            };
            await SaveAsync([bulletin]);
        }
        catch
        {
            await Index.ReleaseAsync(id);
            throw;
        }

        await AfterChangeAsync(now);
        return MaintenanceCommandResult.Done(View());
    }

    public Task<MaintenanceView?> GetAsync() => Task.FromResult(Window.Exists ? View() : null);

    public async Task<MaintenanceCommandResult> RescheduleAsync(RescheduleMaintenance c)
    {
        if (!Window.Exists)
        {
            return MaintenanceCommandResult.NotFound;
        }

        var now = time.GetUtcNow();
        if (Window.Stage != MaintenanceStage.Scheduled || now >= Window.Start)
        {
            return MaintenanceCommandResult.Conflict(StageRefusal("rescheduled"));
        }

        var affected = await AffectedAsync(Window.ServiceIds);
        var moved = new MaintenanceWindow { Id = Window.Id, ServiceIds = Window.ServiceIds, Start = c.Start, End = c.End, Stage = MaintenanceStage.Scheduled };
        var overlapping = await Index.ReserveAsync(Entry(moved, affected, now));
        if (overlapping.Length > 0)
        {
            return new(MaintenanceCommandOutcome.Overlaps, "Another window holds one of these services at that time.", null, overlapping);
        }

        var bulletin = Window.Reschedule(c.Start, c.End, now, c.By)!;
        state.State.AffectedServiceIds = affected;
        state.State.SlaWarnings = await WarningsAsync(Window, now);
        await SaveAsync([bulletin]);
        await AfterChangeAsync(now);
        return MaintenanceCommandResult.Done(View());
    }

    public async Task<MaintenanceCommandResult> CancelAsync(CancelMaintenance c)
    {
        if (!Window.Exists)
        {
            return MaintenanceCommandResult.NotFound;
        }

        var now = time.GetUtcNow();
        if (Window.Cancel(now, c.By, c.Reason) is not { } bulletin)
        {
            return MaintenanceCommandResult.Conflict(StageRefusal("cancelled"));
        }

        await SaveAsync([bulletin]);
        await AfterChangeAsync(now);
        return MaintenanceCommandResult.Done(View());
    }

    public Task<string?> CalendarAsync() =>
        Task.FromResult(Window.Exists ? MaintenanceCalendar.Invite(Invite(Window.Bulletins[^1])) : null);

    public async Task WorkEndedAsync(DateTimeOffset at)
    {
        if (Window.RecordWorkEnded(at))
        {
            await state.WriteOrDiscardAsync(this);
            await Index.UpdateAsync(Entry(Window, state.State.AffectedServiceIds, time.GetUtcNow()));
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (Agenda.IsReminder(reminderName))
        {
            await RunDueAsync();
        }
        else if (Broadcast.IsReminder(reminderName))
        {
            await Broadcast.RunAsync();
        }
    }

    /// <summary>
    /// Runs whatever came due: a reminder, the start (services first, so that nobody is told it began
    /// before the services show it), the end (services first, so an overrun is known when it is told).
    /// A service that cannot be reached leaves the step for the next wake-up.
    /// </summary>
    private async Task RunDueAsync()
    {
        var now = time.GetUtcNow();
        var due = new List<MaintenanceBulletin>();
        try
        {
            if (Window.RemindIfDue(now) is { } reminder)
            {
                due.Add(reminder);
            }

            if (Window.IsStartDue(now))
            {
                await Task.WhenAll(Window.ServiceIds.Select(s => Service(s).BeginMaintenanceAsync(Window.Id, Window.Start)));
                due.Add(Window.Begin(now)!);
            }

            if (Window.IsEndDue(now))
            {
                var overruns = await Task.WhenAll(Window.ServiceIds.Select(s => Service(s).EndMaintenanceAsync(Window.Id, Window.End)));
                due.Add(Window.Complete(now, overruns.FirstOrDefault(o => o is not null))!);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStepFailed(ex, Window.Id);
        }

        if (due.Count > 0)
        {
            await SaveAsync(due);
            LogStepsDue(Window.Id, string.Join(", ", due.Select(b => b.Kind)));
            await AfterChangeAsync(now);
            return;
        }

        await Agenda.ArmAsync(RetryOrNext(now));
    }

    private async Task SaveAsync(IReadOnlyList<MaintenanceBulletin> bulletins)
    {
        state.State.PendingBulletins.AddRange(bulletins);
        await this.PersistOrDiscardAsync(async () =>
        {
            await Broadcast.ArmAsync();
            await state.WriteStateAsync();
        });
        Broadcast.Kick();
    }

    private async Task AfterChangeAsync(DateTimeOffset now)
    {
        await Index.UpdateAsync(Entry(Window, state.State.AffectedServiceIds, now));
        await this.PublishChangeAsync(MaintenanceChanged.Of(Window, now), logger);
        await Agenda.ArmAsync(RetryOrNext(now));
    }

    // A step that is overdue failed just now (a service was unreachable): try again shortly rather than at once.
    private DateTimeOffset? RetryOrNext(DateTimeOffset now) =>
        Window.NextDueAt() is { } next && next <= now ? now.AddSeconds(5) : Window.NextDueAt();

    private async Task<List<string>> AffectedAsync(IReadOnlyCollection<string> serviceIds) =>
        [.. (await MaintenanceReach.ImpactedAsync(GrainFactory, serviceIds)).Select(i => i.ServiceId)];

    private async Task<List<SlaNoticeWarning>> WarningsAsync(MaintenanceWindow window, DateTimeOffset now) =>
        MaintenanceReach.NoticeWarnings(await MaintenanceReach.ExposuresAsync(GrainFactory, window.ServiceIds), window.Start, now);

    private IServiceGrain Service(string serviceId) => GrainFactory.GetGrain<IServiceGrain>(serviceId);

    private MaintenanceInvite Invite(MaintenanceBulletin bulletin) =>
        MaintenanceInvite.Of(Window.Id, Window.Title, Window.Description, bulletin, state.State.ServiceNames, CalendarLinks.For(notificationOptions.Value.PublicBaseUrl, Window.Id));

    private MaintenanceView View() => MaintenanceViews.Of(state.State, state.State.PendingBulletins);

    private string StageRefusal(string verb) => Window.Stage == MaintenanceStage.Scheduled
        ? $"The window's start has passed; only a window that has not begun can be {verb}."
        : $"The window is {Domain.WireNames.Of(Window.Stage)}; only a scheduled window can be {verb}.";

    private static MaintenanceIndexEntry Entry(MaintenanceWindow w, List<string> affected, DateTimeOffset now) =>
        new(w.Id, w.Title, [.. w.ServiceIds], [.. affected], w.Start, w.End, w.Stage, w.AnnouncedAt, w.Overran, w.EndedAt(now));

    [LoggerMessage(Level = LogLevel.Information, Message = "Maintenance {WindowId}: steps due: {Steps}")]
    private partial void LogStepsDue(string windowId, string steps);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Maintenance {WindowId}: a service could not be told of the window's start or end; will retry")]
    private partial void LogStepFailed(Exception ex, string windowId);
}
