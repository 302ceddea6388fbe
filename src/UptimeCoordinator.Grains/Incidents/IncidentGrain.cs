using UptimeCoordinator.Contracts.Incidents;
using UptimeCoordinator.Domain.Incidents;

namespace UptimeCoordinator.Grains.Incidents;

/// <summary>One incident. Applies service transitions idempotently and keeps the incident index current.</summary>
[GrainType("incident")]
public sealed class IncidentGrain([PersistentState("incident")] IPersistentState<Incident> state) : Grain, IIncidentGrain
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

    public Task<IncidentView?> GetAsync() =>
        Task.FromResult(state.State.Exists ? IncidentView.From(state.State) : null);
}
