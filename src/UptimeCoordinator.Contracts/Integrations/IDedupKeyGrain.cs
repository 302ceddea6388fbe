using Orleans.Concurrency;

namespace UptimeCoordinator.Contracts.Integrations;

/// <summary>
/// Remembers which service and check a monitoring tool's own dedup key stands for (key:
/// <c>{tool}:{dedupKey}</c>, see <see cref="KeyFor"/>), so that a later acknowledge or resolve that
/// carries only the key reaches the right check.
/// </summary>
[Alias("uc.IDedupKeyGrain")]
public interface IDedupKeyGrain : IGrainWithStringKey
{
    /// <summary>The grain key for <paramref name="dedupKey"/> as sent by <paramref name="tool"/>.</summary>
    static string KeyFor(string tool, string dedupKey) => $"{tool}:{dedupKey}";

    /// <summary>Maps the key to <paramref name="target"/>; writes only when the mapping changes.</summary>
    [Alias("Remember")]
    Task RememberAsync(DedupTarget target);

    /// <summary>The service and check the key maps to, or null when the key is unknown.</summary>
    [Alias("Find"), ReadOnly]
    Task<DedupTarget?> FindAsync();

    /// <summary>Drops the mapping once the alert it belongs to is resolved.</summary>
    [Alias("Forget")]
    Task ForgetAsync();
}
