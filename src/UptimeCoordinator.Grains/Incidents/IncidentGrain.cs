using Microsoft.Extensions.Logging;
using UptimeCoordinator.Contracts.Changes;
using UptimeCoordinator.Contracts.Incidents;
using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Grains.Changes;

namespace UptimeCoordinator.Grains.Incidents;

/// <summary>
/// One incident. Applies service transitions idempotently, keeps the incident index current and
/// announces each stored change on the live change stream.
/// </summary>
[GrainType("incident")]
public sealed class IncidentGrain(
    [PersistentState("incident")] IPersistentState<Incident> state,
    TimeProvider time,
    ILogger<IncidentGrain> logger) : Grain, IIncidentGrain
{
    public async Task ApplyServiceTransitionAsync(ServiceTransitionMessage transition)
    {
        if (state.State.Apply(transition.ToDomain()))
        {
            await state.WriteOrDiscardAsync(this);
            await this.PublishChangeAsync(IncidentChanged.Of(state.State, KindOf(transition.Kind), transition.At), logger);
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
        var now = time.GetUtcNow();
        if (!state.State.Acknowledge(by, now, message))
        {
            return false;
        }

        await state.WriteOrDiscardAsync(this);
        await this.PublishChangeAsync(IncidentChanged.Of(state.State, IncidentChangeKind.Acknowledged, now), logger);
        return true;
    }

    public Task<IncidentView?> GetAsync() =>
        Task.FromResult(state.State.Exists ? IncidentView.From(state.State) : null);

    private static IncidentChangeKind KindOf(ServiceTransitionKind kind) => kind switch
    {
        ServiceTransitionKind.Open => IncidentChangeKind.Opened,
        ServiceTransitionKind.Resolve => IncidentChangeKind.Resolved,
        ServiceTransitionKind.Reopen => IncidentChangeKind.Reopened,
        _ => IncidentChangeKind.Updated,
    };
}
