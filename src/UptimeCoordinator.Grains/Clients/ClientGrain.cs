using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UptimeCoordinator.Contracts.Changes;
using UptimeCoordinator.Contracts.Clients;
using UptimeCoordinator.Contracts.Costs;
using UptimeCoordinator.Contracts.Incidents;
using UptimeCoordinator.Contracts.Notices;
using UptimeCoordinator.Contracts.Services;
using UptimeCoordinator.Contracts.Subscriptions;
using UptimeCoordinator.Delivery;
using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Grains.Changes;
using UptimeCoordinator.Grains.Costs;
using UptimeCoordinator.Grains.Incidents;
using UptimeCoordinator.Grains.Notices;
using UptimeCoordinator.Grains.Scheduling;

namespace UptimeCoordinator.Grains.Clients;

/// <summary>
/// One client. Keeps its subscriptions in the services' indexes, turns fanned-out incident steps
/// into notices with the domain planner, persists them in its outbox before handing them to
/// delivery, and records how each delivery ended.
/// </summary>
[GrainType("client")]
public sealed partial class ClientGrain(
    [PersistentState("client")] IPersistentState<ClientState> state,
    INoticeDispatcher dispatcher,
    IOptions<IncidentOptions> incidentOptions,
    IOptions<NotificationOptions> notificationOptions,
    TimeProvider time,
    ILogger<ClientGrain> logger) : Grain, IClientGrain, IRemindable
{
    private OutboxWakeUp? _wakeUp;
    private DueWakeUp? _slaWatch;

    private string Id => this.GetPrimaryKeyString();

    // The host registers the maintenance index's history; a silo without it (some tests) excludes no window from the SLA.
    private IMaintenanceHistory Maintenance => ServiceProvider.GetService<IMaintenanceHistory>() ?? NoMaintenanceHistory.Instance;

    // The reminder's name is stored with each registration: it must not change.
    private DueWakeUp SlaWatch => _slaWatch ??= new DueWakeUp(this, time, "sla-watch", TimeSpan.FromMinutes(5), () => this.PersistOrDiscardAsync(CheckSlaNowAsync));

    private ClientState State => state.State;

    private OutboxWakeUp WakeUp => _wakeUp ??= new OutboxWakeUp(this, new OutboxDispatch(Id, dispatcher), time, () => (State.Definition, State.Outbox));

    // A previous activation may have died with notices in flight; the dispatcher ignores ids it already holds.
    public override Task OnActivateAsync(CancellationToken cancellationToken) => WakeUp.TickAsync(fromReminder: false);

    public async Task<DefineClientResult> DefineAsync(ClientSpec spec)
    {
        var definition = ClientSecrets.KeepOmitted(spec.ToDomain(Id), State.Definition);
        var wanted = definition.Subscriptions.Select(s => s.ServiceId).ToArray();
        var unknown = await GrainFactory.GetGrain<IServiceCatalogGrain>(IServiceCatalogGrain.Key).FindUnknownAsync(wanted);
        if (unknown.Length > 0)
        {
            return new(DefineClientOutcome.UnknownServices, null, unknown);
        }

        var previous = State.Definition?.Subscriptions.Select(s => s.ServiceId).ToArray() ?? [];

        // Subscribe before the write and unsubscribe after it: an index may list a client that no
        // longer cares for a moment (the client ignores the step), but never miss one that does.
        await Task.WhenAll(wanted.Except(previous).Select(s => Index(s).SubscribeAsync(Id)));
        var created = State.Definition is null;
        var now = time.GetUtcNow();
        State.Definition = definition;
        State.CreatedAt = created ? now : State.CreatedAt;
        State.UpdatedAt = now;
        var open = CostMetrics.OpenSpans(State.Ledger);
        foreach (var dropped in previous.Except(wanted))
        {
            State.Ledger.CloseService(dropped, now);
        }

        CostMetrics.CountEnded(definition, open, State.Ledger);

        foreach (var impact in State.Impacts.Values.ToList())
        {
            impact.Affected.RemoveAll(a => definition.SubscriptionTo(a.ServiceId) is null);
            if (impact.Affected.Count == 0)
            {
                State.Impacts.Remove(impact.IncidentId);
            }
        }

        await state.WriteOrDiscardAsync(this);
        await GrainFactory.GetGrain<IClientCatalogGrain>(IClientCatalogGrain.Key).RegisterAsync(Id);
        await Task.WhenAll(previous.Except(wanted).Select(s => Index(s).UnsubscribeAsync(Id)));
        return new(created ? DefineClientOutcome.Created : DefineClientOutcome.Updated, ClientViews.Of(State), []);
    }

    public async Task<bool> RemoveAsync()
    {
        if (State.Definition is not { } client)
        {
            return false;
        }

        await Task.WhenAll(client.Subscriptions.Select(s => Index(s.ServiceId).UnsubscribeAsync(Id)));
        await GrainFactory.GetGrain<IClientCatalogGrain>(IClientCatalogGrain.Key).UnregisterAsync(Id);
        WakeUp.Dispatch.WithdrawAll();
        await state.ClearStateAsync();
        state.State = new ClientState();
        await WakeUp.SyncReminderAsync();
        DeactivateOnIdle();
        return true;
    }

    public Task<ClientView?> GetAsync() => Task.FromResult(State.Definition is null ? null : ClientViews.Of(State));

    public async Task<ClientStatusView?> GetStatusAsync() =>
        State.Definition is null ? null : await ClientStatusReader.ReadAsync(GrainFactory, State, time.GetUtcNow());

    public Task<NoticePage?> ListNoticesAsync(string? after, int limit) =>
        Task.FromResult(State.Definition is null ? null : ClientViews.NoticesAfter(State.Outbox, after, limit));

    public async Task ApplyIncidentStepAsync(IncidentStepMessage message)
    {
        var step = message.ToDomain();
        if (State.Definition is not { } client
            || (State.AppliedSequences.TryGetValue(step.ServiceId, out var applied) && step.Sequence <= applied))
        {
            return;
        }

        var now = time.GetUtcNow();
        var interval = incidentOptions.Value.UpdateReminderInterval;
        if (ClientImpacts.Apply(State.Impacts, client, step, now + interval) is not { } change)
        {
            return;
        }

        var withdrawn = WakeUp.Dispatch.WithdrawPending(State.Outbox, step.IncidentId, $"superseded by step {step.Sequence} of the incident before it was sent");
        var planned = NoticePlanner.PlanIncidentStep(client, step, change.Affected, change.Impact, State.Outbox, now, interval);
        State.AppliedSequences[step.ServiceId] = step.Sequence;
        var open = CostMetrics.OpenSpans(State.Ledger);
        var ledgerChanged = step.Resolves ? State.Ledger.Close(step.IncidentId, step.At) : State.Ledger.Apply(step.IncidentId, change.Affected, step.At);
        if (ledgerChanged)
        {
            CostMetrics.CountEnded(client, open, State.Ledger);
            planned.AddRange(await CheckSlaAsync(now));
        }

        State.Outbox.Add(planned);

        await WakeUp.SyncReminderAsync();
        await state.WriteOrDiscardAsync(this);
        WakeUp.DispatchDue();
        await this.PublishChangesAsync([.. withdrawn.Concat(planned).Select(n => NoticeChanged.Of(Id, n, now))], logger);
    }

    public async Task ApplyIncidentBulletinAsync(IncidentBulletinMessage message)
    {
        var step = message.ToDomain();
        if (State.Definition is not { } client)
        {
            return;
        }

        var now = time.GetUtcNow();
        var interval = incidentOptions.Value.UpdateReminderInterval;
        var change = step.Bulletin.Kind.IsForResponders()
            ? new ImpactChange(new ClientImpact { IncidentId = step.IncidentId, Title = step.Title, Severity = step.Severity, StartedAt = step.OpenedAt }, step.Impacted)
            : ClientImpacts.ApplyBulletin(State.Impacts, client, step, step.Bulletin.At + interval);
        if (change is null)
        {
            return;
        }

        // Notices held by quiet hours would keep what follows waiting behind them, urgent news included:
        // the new step supersedes them. What is due now goes out: each responder's word is news of its own.
        var withdrawn = step.Bulletin.Kind is BulletinKind.FollowUp or BulletinKind.Survey || step.Bulletin.Kind.IsForResponders()
            ? []
            : WakeUp.Dispatch.WithdrawPending(
                State.Outbox, step.IncidentId, $"superseded by bulletin {step.Bulletin.Sequence} of the incident while held for quiet hours", n => n.DueAt > now);
        State.FeedbackKey ??= FeedbackTokens.NewKey();
        var key = State.FeedbackKey;
        var baseUrl = notificationOptions.Value.PublicBaseUrl;
        var planned = BulletinPlanner.Plan(client, step, change, State.Outbox, now, interval, contactId =>
        {
            var token = FeedbackTokens.For(key, step.IncidentId, contactId);
            return (BulletinPlanner.FeedbackUrl(baseUrl, step.IncidentId, Id, contactId, token), token);
        });
        var open = CostMetrics.OpenSpans(State.Ledger);
        if (LedgerChange(step, change))
        {
            CostMetrics.CountEnded(client, open, State.Ledger);
            planned.AddRange(await CheckSlaAsync(now));
        }

        State.Outbox.Add(planned);

        await WakeUp.SyncReminderAsync();
        await state.WriteOrDiscardAsync(this);
        WakeUp.DispatchDue();
        await this.PublishChangesAsync([.. withdrawn.Concat(planned).Select(n => NoticeChanged.Of(Id, n, now))], logger);
    }

    public Task<FeedbackCheck> CheckFeedbackAsync(string incidentId, string? contactId, string? token)
    {
        if (State.Definition is not { } client)
        {
            return Task.FromResult(FeedbackCheck.UnknownClient);
        }

        if (contactId is not null && client.Contacts.All(c => c.Id != contactId))
        {
            return Task.FromResult(FeedbackCheck.UnknownContact);
        }

        if (!State.Impacts.ContainsKey(incidentId) && State.Outbox.Notices.All(n => n.SubjectId != incidentId))
        {
            return Task.FromResult(FeedbackCheck.UnknownIncident);
        }

        var ok = token is null || (contactId is not null && FeedbackTokens.Matches(State.FeedbackKey, incidentId, contactId, token));
        return Task.FromResult(ok ? FeedbackCheck.Ok : FeedbackCheck.BadToken);
    }

    public Task RecordDeliveryAsync(NoticeOutcomeMessage outcome) => RecordDeliveriesAsync([outcome]);

    // One write for all of them: a fan-out's outcomes arrive together, and each write stores the whole outbox.
    public async Task RecordDeliveriesAsync(List<NoticeOutcomeMessage> outcomes)
    {
        var recorded = new List<(NoticeOutcomeMessage Outcome, bool WasFailed)>(outcomes.Count);
        foreach (var outcome in outcomes)
        {
            WakeUp.Dispatch.Forget(outcome.NoticeId);
            var firstToClient = outcome.State == NoticeState.Sent && IsFirstClientNotice(outcome.NoticeId);
            var wasFailed = State.Outbox.Find(outcome.NoticeId)?.State == NoticeState.Failed;
            if (!State.Outbox.Record(outcome.NoticeId, outcome.State, outcome.Attempts, outcome.Error, outcome.At))
            {
                continue;
            }

            recorded.Add((outcome, wasFailed));
            if (firstToClient)
            {
                // One-way: the incident may be busy telling this very client something.
                _ = GrainFactory.GetGrain<IIncidentGrain>(State.Outbox.Find(outcome.NoticeId)!.SubjectId).RecordClientNoticeAsync(outcome.At);
            }
        }

        if (recorded.Count == 0)
        {
            return;
        }

        await state.WriteOrDiscardAsync(this);
        await WakeUp.SyncReminderAsync();
        var now = time.GetUtcNow();
        await this.PublishChangesAsync([.. recorded.Select(r => NoticeChanged.Of(Id, State.Outbox.Find(r.Outcome.NoticeId)!, now))], logger);
        foreach (var (outcome, wasFailed) in recorded)
        {
            await TellAttentionAsync(outcome.NoticeId, wasFailed, outcome.At);
        }

        // The next notice of the same story may have been waiting for one of these.
        WakeUp.DispatchDue();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        SlaWatch.IsReminder(reminderName) ? CheckSlaNowAsync() : WakeUp.TickAsync(fromReminder: true);

    /// <summary>Records in the ledger what a bulletin of the incident says about the client's services.</summary>
    private bool LedgerChange(IncidentBulletinStep step, ImpactChange change) => step.Bulletin.Kind switch
    {
        _ when step.Bulletin.Kind.IsForResponders() => false,
        BulletinKind.Resolved or BulletinKind.Dismissed => State.Ledger.Close(step.IncidentId, step.Bulletin.At),
        BulletinKind.FollowUp or BulletinKind.Survey => false,
        _ when step.IncidentIsOpen => State.Ledger.Apply(step.IncidentId, change.Affected, step.Bulletin.At),
        _ => false,
    };

    /// <summary>Whether this is the first incident notice of its incident this client receives (responders' notices do not count).</summary>
    private bool IsFirstClientNotice(string noticeId)
    {
        if (State.Outbox.Find(noticeId) is not { State: not NoticeState.Sent } notice
            || !notice.Kind.IsClientIncidentKind() || State.Definition?.Id == incidentOptions.Value.RespondersClientId)
        {
            return false;
        }

        return !State.Outbox.Notices.Any(n => n.SubjectId == notice.SubjectId && n.State == NoticeState.Sent);
    }

    private ISubscriptionIndexGrain Index(string serviceId) => GrainFactory.GetGrain<ISubscriptionIndexGrain>(serviceId);
}
