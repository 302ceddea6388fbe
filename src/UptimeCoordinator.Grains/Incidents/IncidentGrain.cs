using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UptimeCoordinator.Contracts.Changes;
using UptimeCoordinator.Contracts.Incidents;
using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Grains.Changes;
using UptimeCoordinator.Grains.Notices;
using UptimeCoordinator.Grains.Scheduling;

namespace UptimeCoordinator.Grains.Incidents;

/// <summary>
/// One incident. Applies service transitions idempotently and responders' and clients' actions
/// through the domain, persists each change with the bulletins it hands out before answering,
/// then hands those out in a turn of its own, keeps the incident index current, announces each
/// change on the live stream, and wakes itself for the scheduled steps (nudge, follow-up, survey).
/// </summary>
[GrainType("incident")]
public sealed partial class IncidentGrain(
    [PersistentState("incident")] IPersistentState<IncidentState> state,
    IOptions<IncidentOptions> incidentOptions,
    IOptions<NotificationOptions> notificationOptions,
    TimeProvider time,
    ILogger<IncidentGrain> logger) : Grain, IIncidentGrain, IRemindable
{
    private OrderedHandOut<IncidentBulletin>? _broadcast;
    private DueWakeUp? _agenda;

    private Incident Incident => state.State.Incident;

    private IncidentTimings Timings => new(
        incidentOptions.Value.UpdateReminderInterval, notificationOptions.Value.FollowUpDelay, notificationOptions.Value.SurveyDelay);

    private OrderedHandOut<IncidentBulletin> Broadcast => _broadcast ??= IncidentBroadcast.For(this, GrainFactory, state, incidentOptions.Value, logger);

    // The reminder's name is stored with each registration: it must not change.
    private DueWakeUp Agenda => _agenda ??= new DueWakeUp(this, time, "incident-agenda", TimeSpan.FromMinutes(1), RunDueAsync);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!Incident.Exists)
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

    public async Task ApplyServiceTransitionAsync(ServiceTransitionMessage transition)
    {
        if (Incident.Apply(transition.ToDomain(), time.GetUtcNow()))
        {
            await state.WriteOrDiscardAsync(this);
            await this.PublishChangeAsync(IncidentChanged.Of(Incident, KindOf(transition.Kind), transition.At), logger);
            await Agenda.ArmAsync(Incident.NextDueAt(Timings));
        }

        if (Incident.Exists)
        {
            // Also on a repeat: the previous attempt may have died between the write and the index.
            await UpdateIndexAsync();
        }
    }

    public Task<IncidentCommandResult> DeclareAsync(DeclareIncident c) =>
        CommitAsync(
            Incident.Declare(this.GetPrimaryKeyString(), c.ServiceIds, c.Title, c.Severity, c.By, c.Message, time.GetUtcNow()),
            IncidentChangeKind.Declared,
            mustExist: false);

    public Task<IncidentCommandResult> ReportAsync(ReportProblem c)
    {
        var report = new IncidentReport(c.ClientId, c.ContactId, c.Message, time.GetUtcNow());
        return Incident.Exists
            ? CommitAsync(Incident.AddReport(report), IncidentChangeKind.Reported, outcome: IncidentCommandOutcome.Joined)
            : CommitAsync(Incident.Report(this.GetPrimaryKeyString(), c.ServiceIds, c.Title, report), IncidentChangeKind.Reported, mustExist: false);
    }

    public Task<IncidentCommandResult> AcknowledgeAsync(AcknowledgeIncident c) =>
        CommitAsync(Incident.Acknowledge(c.By, time.GetUtcNow(), c.Eta, c.Message), IncidentChangeKind.Acknowledged);

    public Task<IncidentCommandResult> PostUpdateAsync(PostIncidentUpdate c) =>
        CommitAsync(Incident.PostUpdate(c.By, time.GetUtcNow(), c.Message, c.Stage, c.Eta), IncidentChangeKind.Updated);

    public Task<IncidentCommandResult> ResolveAsync(ResolveIncident c) =>
        CommitAsync(Incident.ResolveByStaff(c.By, time.GetUtcNow(), c.Summary, c.ActionsTaken, c.TimeSpentMinutes, c.FollowUps), IncidentChangeKind.Resolved);

    public Task<IncidentCommandResult> ConfirmAsync(IncidentVerdict c) =>
        CommitAsync(Incident.Confirm(c.By, time.GetUtcNow(), c.Message), IncidentChangeKind.Confirmed);

    public Task<IncidentCommandResult> DismissAsync(IncidentVerdict c) =>
        CommitAsync(Incident.Dismiss(c.By, time.GetUtcNow(), c.Message), IncidentChangeKind.Dismissed);

    public Task<IncidentCommandResult> RecordFeedbackAsync(GiveIncidentFeedback c)
    {
        var wasOpen = Incident.IsOpen;
        var result = Incident.RecordFeedback(new IncidentFeedback(c.ClientId, c.ContactId, c.FixedConfirmed, c.Rating, c.Comment, time.GetUtcNow()));
        return CommitAsync(result, !wasOpen && Incident.IsOpen ? IncidentChangeKind.Reopened : IncidentChangeKind.Feedback);
    }

    public async Task RecordClientNoticeAsync(DateTimeOffset sentAt)
    {
        if (!Incident.Exists || Incident.FirstClientNoticeAt <= sentAt)
        {
            return;
        }

        Incident.FirstClientNoticeAt = sentAt;
        await state.WriteOrDiscardAsync(this);
        await UpdateIndexAsync();
    }

    public Task<IncidentView?> GetAsync() =>
        Task.FromResult(Incident.Exists ? IncidentView.From(Incident, incidentOptions.Value.UpdateReminderInterval) : null);

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
    /// Persists an applied action with its bulletins (and the reminder that guarantees they go out)
    /// before answering; a refused one changes nothing and answers a conflict.
    /// </summary>
    private async Task<IncidentCommandResult> CommitAsync(
        IncidentActionResult result, IncidentChangeKind kind, bool mustExist = true, IncidentCommandOutcome outcome = IncidentCommandOutcome.Done)
    {
        if (mustExist && !Incident.Exists)
        {
            return IncidentCommandResult.NotFound;
        }

        if (!result.Applied)
        {
            return IncidentCommandResult.Conflict(result.Refusal ?? "The action does not apply to this incident now.");
        }

        await SaveAsync(result.Bulletins);
        await this.PublishChangeAsync(IncidentChanged.Of(Incident, kind, time.GetUtcNow()), logger);
        await UpdateIndexAsync();
        await Agenda.ArmAsync(Incident.NextDueAt(Timings));
        return new IncidentCommandResult(outcome, null, IncidentView.From(Incident, incidentOptions.Value.UpdateReminderInterval));
    }

    private async Task SaveAsync(IReadOnlyList<IncidentBulletin> bulletins)
    {
        state.State.PendingBulletins.AddRange(bulletins);
        await this.PersistOrDiscardAsync(async () =>
        {
            if (bulletins.Count > 0)
            {
                await Broadcast.ArmAsync();
            }

            await state.WriteStateAsync();
        });
        if (bulletins.Count > 0)
        {
            Broadcast.Kick();
        }
    }

    private async Task RunDueAsync()
    {
        var due = Incident.RunDue(time.GetUtcNow(), Timings);
        if (due.Count > 0)
        {
            var closes = due.Any(b => b.Kind == BulletinKind.FollowUp);
            await SaveAsync(due);
            LogStepsDue(Incident.Id, string.Join(", ", due.Select(b => b.Kind)));
            await this.PublishChangeAsync(IncidentChanged.Of(Incident, closes ? IncidentChangeKind.Closed : IncidentChangeKind.Updated, time.GetUtcNow()), logger);
            await UpdateIndexAsync();
        }

        await Agenda.ArmAsync(Incident.NextDueAt(Timings));
    }

    private Task UpdateIndexAsync() =>
        GrainFactory.GetGrain<IIncidentIndexGrain>(IIncidentIndexGrain.Key).UpsertAsync(IncidentIndexEntry.Of(Incident));

    private static IncidentChangeKind KindOf(ServiceTransitionKind kind) => kind switch
    {
        ServiceTransitionKind.Open => IncidentChangeKind.Opened,
        ServiceTransitionKind.Resolve => IncidentChangeKind.Resolved,
        ServiceTransitionKind.Reopen => IncidentChangeKind.Reopened,
        ServiceTransitionKind.Confirm => IncidentChangeKind.Confirmed,
        _ => IncidentChangeKind.Updated,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident {IncidentId}: scheduled steps due: {Steps}")]
    private partial void LogStepsDue(string incidentId, string steps);
}
