namespace UptimeCoordinator.Contracts.Probes;

/// <summary>Readiness probe: one per silo (key: silo address), it reads its state from grain storage.</summary>
[Alias("uc.IStorageProbeGrain")]
public interface IStorageProbeGrain : IGrainWithStringKey
{
    [Alias("CheckStorage")]
    Task CheckStorageAsync();
}
