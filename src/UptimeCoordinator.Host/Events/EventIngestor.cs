using UptimeCoordinator.Contracts.Health;
using UptimeCoordinator.Contracts.Services;

namespace UptimeCoordinator.Host.Events;

/// <summary>What to do with events for services that are not in the catalogue.</summary>
public enum UnknownServices
{
    /// <summary>Reject the whole batch: our own API, whose callers can fix their request.</summary>
    Reject,

    /// <summary>Apply the rest and report the unknown ones: tools that cannot change a payload by retrying it.</summary>
    Skip,
}

/// <summary>
/// Hands a validated batch to the service grains: one call per service, in parallel. Rejecting
/// unknown services is atomic: if any is unknown, no service receives anything.
/// </summary>
public sealed class EventIngestor(IGrainFactory grains)
{
    public async Task<IngestResult> IngestAsync(
        IReadOnlyList<(int Index, string ServiceId, HealthEvent Event)> events,
        UnknownServices unknownServices = UnknownServices.Reject)
    {
        var byService = events
            .GroupBy(e => e.ServiceId, StringComparer.Ordinal)
            .Select(g => (ServiceId: g.Key, Items: g.ToList()))
            .ToList();

        // A service grain checks existence and applies in one turn; rejecting atomically across several needs a check first.
        if (unknownServices == UnknownServices.Reject && byService.Count > 1)
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
        var skipped = byService.Where((_, i) => !results[i].ServiceFound).SelectMany(s => s.Items.Select(e => e.Index)).ToArray();
        if (unknownServices == UnknownServices.Reject && skipped.Length > 0)
        {
            return IngestResult.UnknownServices(skipped);
        }

        return new IngestResult(results.Sum(r => r.Accepted), results.Sum(r => r.Duplicates), skipped);
    }
}

/// <summary>Accepted and duplicate counts, and the items naming services that do not exist (rejected or skipped).</summary>
public sealed record IngestResult(int Accepted, int Duplicates, int[] UnknownServiceItems)
{
    public static IngestResult UnknownServices(int[] items) => new(0, 0, items);
}
