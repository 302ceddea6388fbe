using UptimeCoordinator.Contracts.Incidents;
using UptimeCoordinator.Domain.Incidents;

namespace UptimeCoordinator.Grains.Incidents;

/// <summary>One incident. Applies service transitions idempotently and keeps the incident index current.</summary>
[GrainType("incident")]
public sealed class IncidentGrain(
    [PersistentState("incident")] IPersistentState<Incident> state,
    TimeProvider time) : Grain, IIncidentGrain
{
    public async Task ApplyServiceTransitionAsync(ServiceTransitionMessage transition)
    {
        if (state.State.Apply(transition.ToDomain()))
        {
            await state.WriteOrDiscardAsync(this);
        }

        var incident = state.State;
        if (!incident.Exists)
        {
            return;
        }

        // Also on a repeat: the previous attempt may have died between the write and the index.
        await GrainFactory.GetGrain<IIncidentIndexGrain>(IIncidentIndexGrain.Key)
            .UpsertAsync(new IncidentIndexEntry(incident.Id, incident.OpenedAt, incident.IsOpen));
    }

    public async Task<bool> AcknowledgeAsync(string by, string? message)
    {
        if (!state.State.Acknowledge(by, time.GetUtcNow(), message))
        {
            return false;
        }

        await state.WriteOrDiscardAsync(this);
        return true;
    }

    public Task<IncidentView?> GetAsync() =>
        Task.FromResult(state.State.Exists ? IncidentView.From(state.State) : null);
}
