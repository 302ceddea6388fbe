using Orleans.Placement;
using UptimeCoordinator.Contracts.Probes;

namespace UptimeCoordinator.Grains.Probes;

/// <summary>Proves the silo runs grains and that grain storage answers a read.</summary>
[GrainType("storage-probe"), PreferLocalPlacement]
public sealed class StorageProbeGrain([PersistentState("probe")] IPersistentState<StorageProbeState> state) : Grain, IStorageProbeGrain
{
    public Task CheckStorageAsync() => state.ReadStateAsync();
}

/// <summary>Never written; only read, to reach the storage provider.</summary>
public sealed class StorageProbeState
{
    public int Version { get; set; }
}
