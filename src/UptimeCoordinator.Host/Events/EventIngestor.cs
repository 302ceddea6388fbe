using UptimeCoordinator.Contracts.Health;
using UptimeCoordinator.Contracts.Services;

namespace UptimeCoordinator.Host.Events;

/// <summary>
/// Hands a validated batch to the service grains: one call per service, in parallel. The request
/// is atomic over unknown services: if any is unknown, no service receives anything.
/// </summary>
public sealed class EventIngestor(IGrainFactory grains)
{
    public async Task<IngestResult> IngestAsync(IReadOnlyList<(int Index, string ServiceId, HealthEvent Event)> events)
    {
        var byService = events
            .GroupBy(e => e.ServiceId, StringComparer.Ordinal)
            .Select(g => (ServiceId: g.Key, Items: g.ToList()))
            .ToList();

        // A single service's grain checks existence and applies in one turn; several need a check first.
        if (byService.Count > 1)
        {
            var exists = await Task.WhenAll(byService.Select(s => grains.GetGrain<IServiceGrain>(s.ServiceId).ExistsAsync()));
            var unknown = byService.Where((_, i) => !exists[i]).SelectMany(s => s.Items.Select(e => e.Index)).ToArray();
            if (unknown.Length > 0)
            {
                return IngestResult.UnknownServices(unknown);
            }
        }

        var results = await Task.WhenAll(byService.Select(s =>
            grains.GetGrain<IServiceGrain>(s.ServiceId).RecordHealthAsync([.. s.Items.Select(e => e.Event)])));
        if (!results[0].ServiceFound)
        {
            return IngestResult.UnknownServices([.. byService[0].Items.Select(e => e.Index)]);
        }

        return new IngestResult(results.Sum(r => r.Accepted), results.Sum(r => r.Duplicates), []);
    }
}

/// <summary>Accepted and duplicate counts, or the items naming services that do not exist.</summary>
public sealed record IngestResult(int Accepted, int Duplicates, int[] UnknownServiceItems)
{
    public static IngestResult UnknownServices(int[] items) => new(0, 0, items);
}
