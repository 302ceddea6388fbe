using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;
using UptimeCoordinator.Contracts.Probes;

namespace UptimeCoordinator.Host.Probes;

/// <summary>Ready when a grain on this silo can read from grain storage within a few seconds.</summary>
internal sealed class SiloReadinessCheck(IGrainFactory grains, ILocalSiloDetails silo) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await grains.GetGrain<IStorageProbeGrain>(silo.SiloAddress.ToParsableString())
                .CheckStorageAsync()
                .WaitAsync(Timeout, cancellationToken);
            return HealthCheckResult.Healthy("The silo is active and grain storage answers.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The silo or grain storage does not answer.", ex);
        }
    }
}
