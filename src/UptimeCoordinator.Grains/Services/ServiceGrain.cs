using Orleans.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UptimeCoordinator.Contracts.Changes;
using UptimeCoordinator.Contracts.Health;
using UptimeCoordinator.Contracts.Incidents;
using UptimeCoordinator.Contracts.Maintenance;
using UptimeCoordinator.Contracts.Services;
using UptimeCoordinator.Contracts.Subscriptions;
using UptimeCoordinator.Domain.Health;
using UptimeCoordinator.Domain;
using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Domain.Maintenance;
using UptimeCoordinator.Domain.Services;
using UptimeCoordinator.Grains.Changes;
using UptimeCoordinator.Grains.Incidents;

namespace UptimeCoordinator.Grains.Services;

/// <summary>
/// One monitored service. Applies health events through the domain state machine, writes only
/// when something changed, and hands each status change to its incident after persisting it.
/// Status changes are announced on the live change stream once stored.
/// </summary>
[GrainType("service")]
public sealed class ServiceGrain(
    [PersistentState("service")] IPersistentState<ServiceState> state,
    IOptions<IncidentOptions> incidentOptions,
    TimeProvider time,
    ILogger<ServiceGrain> logger) : Grain, IServiceGrain, IRemindable
{
    private TransitionHandOver? _handOver;

    private string Id => this.GetPrimaryKeyString();

    private TransitionHandOver HandOver => _handOver ??= new TransitionHandOver(this, GrainFactory, state, time, logger);

    private ServiceState State => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        State.HasHandOversPending ? HandOver.RunAsync() : Task.CompletedTask;

    public async Task<DefineServiceResult> DefineAsync(ServiceSpec spec)
    {
        var catalog = GrainFactory.GetGrain<IServiceCatalogGrain>(IServiceCatalogGrain.Key);
        var check = await catalog.RegisterAsync(Id, spec.DependsOn);
        if (!check.IsOk)
        {
            return new(DefineServiceOutcome.Rejected, null, check);
        }

        var created = State.Definition is null;
        var now = time.GetUtcNow();
        State.Definition = spec.ToDefinition(Id);
        State.CreatedAt = created ? now : State.CreatedAt;
        State.UpdatedAt = now;
        await state.WriteOrDiscardAsync(this);
        if (created)
        {
            ReportShownStatus();
        }

        return new(created ? DefineServiceOutcome.Created : DefineServiceOutcome.Updated, State.ToView(), check);
    }

    public async Task<RemoveServiceResult> RemoveAsync()
    {
        if (State.Definition is null)
        {
            return new(RemoveServiceOutcome.NotFound, [], null);
        }

        if (State.OpenIncidentId is { } incidentId)
        {
            return new(RemoveServiceOutcome.HasOpenIncident, [], incidentId);
        }

        // A window would start on a service that no longer exists, and tell its clients about nothing.
        var windows = await GrainFactory.GetGrain<IMaintenanceIndexGrain>(IMaintenanceIndexGrain.Key)
            .ListAsync(new MaintenanceIndexQuery([MaintenanceStage.Scheduled, MaintenanceStage.InProgress], Id, null, null, int.MaxValue));
        var windowId = State.Maintenance?.WindowId ?? windows.FirstOrDefault(w => w.ServiceIds.Contains(Id, StringComparer.Ordinal))?.Id;
        if (windowId is not null)
        {
            return new(RemoveServiceOutcome.HasMaintenance, [], null, windowId);
        }

        // A resolve not yet handed over would leave its incident open for good once this state is gone.
        await HandOver.RunAsync();
        if (State.PendingTransitions.Count > 0)
        {
            return new(RemoveServiceOutcome.HandOverPending, [], State.PendingTransitions[0].IncidentId);
        }

        // Fan-outs still pending may go: with no subscribers and (below) no dependents, they reach nobody.
        if ((await GrainFactory.GetGrain<ISubscriptionIndexGrain>(Id).GetSubscribersAsync()).Length > 0)
        {
            return new(RemoveServiceOutcome.HasSubscribers, [], null);
        }

        var dependents = await GrainFactory.GetGrain<IServiceCatalogGrain>(IServiceCatalogGrain.Key).UnregisterAsync(Id);
        if (dependents.Length > 0)
        {
            return new(RemoveServiceOutcome.HasDependents, dependents, null);
        }

        await state.ClearStateAsync();
        state.State = new ServiceState();
        _ = Board.ForgetAsync(Id);
        DeactivateOnIdle();
        return new(RemoveServiceOutcome.Removed, [], null);
    }

    public Task<ServiceView?> GetAsync() => Task.FromResult(State.Definition is null ? null : State.ToView());

    public Task<bool> ExistsAsync() => Task.FromResult(State.Definition is not null);

    public async Task<HealthBatchResult> RecordHealthAsync(List<HealthEvent> events)
    {
        if (State.Definition is not { } definition)
        {
            return HealthBatchResult.UnknownService;
        }

        int accepted = 0, duplicates = 0;
        var changed = false;
        var handOvers = 0;
        var changes = new List<ChangeEvent>();
        foreach (var healthEvent in events)
        {
            var result = State.Health.Apply(healthEvent.ToObservation(), definition.Detection);
            if (result.Outcome == HealthApplyOutcome.Duplicate)
            {
                duplicates++;
                continue;
            }

            accepted++;
            ServiceMetrics.Ingested(healthEvent);
            changed |= result.ChangedState;
            if (result.Change is { } change)
            {
                if (Decide(change) is { } transition)
                {
                    State.PendingTransitions.Add(transition);
                    handOvers++;
                }

                // Under maintenance the service shows that, whatever monitoring sees meanwhile.
                if (State.Maintenance is null)
                {
                    changes.Add(new ServiceStatusChanged(Id, change.From, change.To, change.At, State.OpenIncidentId));
                }
            }
        }

        if (changed)
        {
            await this.PersistOrDiscardAsync(async () =>
            {
                if (handOvers > 0)
                {
                    // The reminder is the durable wake-up should this silo die before the hand-over completes.
                    await HandOver.ArmAsync();
                }

                await state.WriteStateAsync();
            });

            // Announced before the hand-over, so that a status change precedes the incident it opens.
            await this.PublishChangesAsync(changes, logger);
            if (changes.Count > 0)
            {
                ReportShownStatus();
            }

            if (handOvers > 0)
            {
                await HandOver.RunAsync();
            }
        }

        return new(true, accepted, duplicates);
    }

    public Task FanOutCompletedAsync(long sequence) => HandOver.FanOutCompletedAsync(sequence);

    public async Task<string?> AttachIncidentAsync(string incidentId, bool suspected)
    {
        if (State.Definition is null)
        {
            return null;
        }

        if (State.OpenIncidentId is { } open)
        {
            return open == incidentId ? null : open;
        }

        if (State.SuspectedIncidentId is { } other && other != incidentId && suspected)
        {
            return other;
        }

        if (suspected)
        {
            State.SuspectedIncidentId = incidentId;
        }
        else
        {
            State.OpenIncidentId = incidentId;
        }

        await state.WriteOrDiscardAsync(this);
        return null;
    }

    public async Task PromoteIncidentAsync(string incidentId)
    {
        var changed = false;
        if (State.SuspectedIncidentId == incidentId)
        {
            State.SuspectedIncidentId = null;
            changed = true;
        }

        if (State.Definition is not null && State.OpenIncidentId is null)
        {
            State.OpenIncidentId = incidentId;
            changed = true;
        }

        if (changed)
        {
            await state.WriteOrDiscardAsync(this);
        }
    }

    public async Task ReleaseIncidentAsync(string incidentId, DateTimeOffset at, bool resolved)
    {
        var changed = false;
        if (State.OpenIncidentId == incidentId)
        {
            State.OpenIncidentId = null;
            State.LastResolved = resolved ? new RecentResolution(incidentId, at) : State.LastResolved;
            if (resolved)
            {
                ReportOverrunEnded(incidentId, at);
            }

            changed = true;
        }

        if (State.SuspectedIncidentId == incidentId)
        {
            State.SuspectedIncidentId = null;
            changed = true;
        }

        if (changed)
        {
            await state.WriteOrDiscardAsync(this);
        }
    }

    public async Task BeginMaintenanceAsync(string windowId, DateTimeOffset at)
    {
        if (State.Definition is null || State.Maintenance?.WindowId == windowId || State.LastMaintenance?.WindowId == windowId)
        {
            return;
        }

        var shown = State.ShownStatus;
        State.Maintenance = new ActiveMaintenance(windowId, at);
        await state.WriteOrDiscardAsync(this);
        await this.PublishChangesAsync([new ServiceStatusChanged(Id, shown, ServiceStatus.UnderMaintenance, at, State.OpenIncidentId)], logger);
        ReportShownStatus();
    }

    public async Task<string?> EndMaintenanceAsync(string windowId, DateTimeOffset at)
    {
        if (State.LastMaintenance is { } last && last.WindowId == windowId)
        {
            return last.OverrunIncidentId;
        }

        if (State.Definition is null)
        {
            return null;
        }

        var began = State.Maintenance?.WindowId == windowId;
        string? overrun = null;
        var handOver = false;
        if (began)
        {
            State.Maintenance = null;

            // Overrun means monitoring still sees trouble: an incident already open on it carries on as the overrun.
            overrun = State.Health.Status == ServiceStatus.Operational ? null : State.OpenIncidentId;
            if (overrun is null
                && State.Health.LeaveMaintenance(at, $"Still {WireNames.Of(State.Health.Status)} when maintenance window {windowId} ended: the work overran.") is { } change
                && Decide(change) is { } transition)
            {
                State.PendingTransitions.Add(transition);
                overrun = transition.IncidentId;
                handOver = true;
            }
        }

        State.LastMaintenance = new EndedMaintenance(windowId, at, overrun, WorkEndReported: false);

        // The window tells its clients it ended before anyone hears of the incident it became (ReleaseHandOverAsync).
        State.HeldForWindow = handOver ? new HeldHandOver(windowId, time.GetUtcNow()) : State.HeldForWindow;
        await this.PersistOrDiscardAsync(async () =>
        {
            if (handOver)
            {
                await HandOver.ArmAsync();
            }

            await state.WriteStateAsync();
        });

        if (began)
        {
            await this.PublishChangesAsync([new ServiceStatusChanged(Id, ServiceStatus.UnderMaintenance, State.Health.Status, at, State.OpenIncidentId)], logger);
            ReportShownStatus();
        }

        return overrun;
    }

    public async Task ReleaseHandOverAsync(string windowId)
    {
        if (State.HeldForWindow?.WindowId != windowId)
        {
            return;
        }

        State.HeldForWindow = null;
        await state.WriteOrDiscardAsync(this);
        await HandOver.RunAsync();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        TransitionHandOver.IsReminder(reminderName) ? HandOver.RunAsync() : Task.CompletedTask;

    private IServiceStatusBoardGrain Board => GrainFactory.GetGrain<IServiceStatusBoardGrain>(IServiceStatusBoardGrain.Key);

    // One-way: a board that misses a report is set right by the service's next change.
    private void ReportShownStatus() => _ = Board.ReportAsync(Id, State.ShownStatus);

    // One-way, and told before the write that records it: a lost report leaves the window looking overrun, which the SLA counts anyway.
    private void ReportOverrunEnded(string incidentId, DateTimeOffset at)
    {
        if (State.LastMaintenance is { OverrunIncidentId: { } overrun, WorkEndReported: false } last && overrun == incidentId)
        {
            State.LastMaintenance = last with { WorkEndReported = true };
            _ = GrainFactory.GetGrain<IMaintenanceGrain>(last.WindowId).WorkEndedAsync(at);
        }
    }

    private ServiceTransition? Decide(StatusChange change)
    {
        // Trouble inside a maintenance window is the work itself: it opens no incident. One already open goes on.
        if (State.Maintenance is not null && State.OpenIncidentId is null)
        {
            return null;
        }

        var nonce = Guid.NewGuid().ToString("N")[..6];
        var transition = IncidentDecider.Decide(
            Id, change, State.OpenIncidentId, State.SuspectedIncidentId, State.LastResolved, incidentOptions.Value.ReopenWindow, nonce);
        switch (transition?.Kind)
        {
            case ServiceTransitionKind.Open or ServiceTransitionKind.Reopen:
                State.OpenIncidentId = transition.IncidentId;
                break;
            case ServiceTransitionKind.Confirm:
                State.OpenIncidentId = transition.IncidentId;
                State.SuspectedIncidentId = null;
                break;
            case ServiceTransitionKind.Resolve:
                State.OpenIncidentId = null;
                State.LastResolved = new RecentResolution(transition.IncidentId, change.At);
                ReportOverrunEnded(transition.IncidentId, change.At);
                break;
        }

        return transition;
    }
}
