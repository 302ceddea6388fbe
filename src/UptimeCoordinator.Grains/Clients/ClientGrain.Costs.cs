using UptimeCoordinator.Contracts.Changes;
using UptimeCoordinator.Contracts.Costs;
using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Grains.Changes;

namespace UptimeCoordinator.Grains.Clients;

/// <summary>The client's money and SLA: cost reads, the SLA month, and the watch that tells a missed month once.</summary>
public sealed partial class ClientGrain
{
    public Task<ClientCostShare?> CostOfIncidentAsync(string incidentId) =>
        Task.FromResult(ClientCostReader.OfIncident(State, incidentId, time.GetUtcNow()));

    public Task<ClientCostView?> CostAsync(DateTimeOffset from, DateTimeOffset to) =>
        Task.FromResult(ClientCostReader.Over(State, from, to, time.GetUtcNow()));

    public async Task<SlaResult?> SlaAsync(int year, int month) =>
        State.Definition is { } client
            ? await ClientCostReader.SlaResultAsync(client, State.Ledger, Maintenance, year, month, time.GetUtcNow())
            : null;

    /// <summary>Plans the month's sla.breached notices if the SLA is now missed, and arms the watch for when it will be.</summary>
    private async Task<List<Notice>> CheckSlaAsync(DateTimeOffset now)
    {
        State.Ledger.Trim(now);
        var (planned, next) = await SlaBreachCheck.RunAsync(State, Maintenance, now);
        await SlaWatch.ArmAsync(next);
        return planned;
    }

    private async Task CheckSlaNowAsync()
    {
        if (State.Definition is null)
        {
            await SlaWatch.ArmAsync(null);
            return;
        }

        var now = time.GetUtcNow();
        var told = State.SlaBreachesTold.Count;
        var planned = await CheckSlaAsync(now);
        if (planned.Count == 0 && told == State.SlaBreachesTold.Count)
        {
            return;
        }

        State.Outbox.Add(planned);
        await WakeUp.SyncReminderAsync();
        await state.WriteOrDiscardAsync(this);
        WakeUp.DispatchDue();
        await this.PublishChangesAsync([.. planned.Select(n => NoticeChanged.Of(Id, n, now))], logger);
    }
}
