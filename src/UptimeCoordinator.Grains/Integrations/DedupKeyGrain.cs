using UptimeCoordinator.Contracts.Integrations;

namespace UptimeCoordinator.Grains.Integrations;

/// <summary>One tool dedup key and the service check it stands for.</summary>
[GrainType("dedup-key")]
public sealed class DedupKeyGrain([PersistentState("dedup-key")] IPersistentState<DedupKeyState> state)
    : Grain, IDedupKeyGrain
{
    public async Task RememberAsync(DedupTarget target)
    {
        // A tool repeats a trigger for as long as the problem lasts; only a new mapping is worth a write.
        if (state.State.ServiceId == target.ServiceId && state.State.Check == target.Check)
        {
            return;
        }

        state.State.ServiceId = target.ServiceId;
        state.State.Check = target.Check;
        await state.WriteOrDiscardAsync(this);
    }

    public Task<DedupTarget?> FindAsync() =>
        Task.FromResult(state.State is { ServiceId: { } serviceId, Check: { } check } ? new DedupTarget(serviceId, check) : null);

    public async Task ForgetAsync()
    {
        if (!state.RecordExists)
        {
            return;
        }

        await this.PersistOrDiscardAsync(state.ClearStateAsync);
        state.State = new DedupKeyState();
        DeactivateOnIdle();
    }
}
