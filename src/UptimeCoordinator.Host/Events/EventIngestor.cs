using System.Collections.Concurrent;
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
/// <remarks>
/// Rejecting atomically needs to know that every service exists before any is called. Asking each one
/// first doubled the grain calls of a batch (a third of its throughput), so this host remembers the
/// services that have answered as existing, and asks only about the others. A service removed
/// through this host is forgotten at once; one removed through another host is forgotten the first
/// time it answers that it does not exist: that batch is refused, but its other services have
/// already applied their events (see docs/benchmarks.md).
/// </remarks>
public sealed class EventIngestor(IGrainFactory grains)
{
    // Ids that name no service can be anything a caller sends: neither cache may grow with them.
    private const int MaxCached = 100_000;

    // Making a grain reference is costly in Orleans 10 (a new proxy with its copiers, by reflection), and every
    // event needs one; references are immutable, so one per service serves every request.
    private readonly ConcurrentDictionary<string, IServiceGrain> _references = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _known = new(StringComparer.Ordinal);

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
            var unconfirmed = byService.Where(s => !_known.ContainsKey(s.ServiceId)).ToList();
            var exists = await Task.WhenAll(unconfirmed.Select(s => Service(s.ServiceId).ExistsAsync()));
            var unknown = unconfirmed.Where((_, i) => !exists[i]).SelectMany(s => s.Items.Select(e => e.Index)).ToArray();
            if (unknown.Length > 0)
            {
                return IngestResult.UnknownServices(unknown);
            }
        }

        var results = await Task.WhenAll(byService.Select(s => Service(s.ServiceId).RecordHealthAsync([.. s.Items.Select(e => e.Event)])));
        for (var i = 0; i < byService.Count; i++)
        {
            if (results[i].ServiceFound)
            {
                Remember(byService[i].ServiceId);
            }
            else
            {
                Forget(byService[i].ServiceId);
            }
        }

        var skipped = byService.Where((_, i) => !results[i].ServiceFound).SelectMany(s => s.Items.Select(e => e.Index)).ToArray();
        if (unknownServices == UnknownServices.Reject && skipped.Length > 0)
        {
            return IngestResult.UnknownServices(skipped);
        }

        return new IngestResult(results.Sum(r => r.Accepted), results.Sum(r => r.Duplicates), skipped);
    }

    /// <summary>The service is gone (removed through this host): the next batch naming it checks again.</summary>
    public void Forget(string serviceId) => _known.TryRemove(serviceId, out _);

    private void Remember(string serviceId)
    {
        if (_known.Count >= MaxCached)
        {
            _known.Clear();
        }

        _known.TryAdd(serviceId, true);
    }

    private IServiceGrain Service(string id)
    {
        if (_references.TryGetValue(id, out var service))
        {
            return service;
        }

        if (_references.Count >= MaxCached)
        {
            _references.Clear();
        }

        return _references.GetOrAdd(id, key => grains.GetGrain<IServiceGrain>(key));
    }
}

/// <summary>Accepted and duplicate counts, and the items naming services that do not exist (rejected or skipped).</summary>
public sealed record IngestResult(int Accepted, int Duplicates, int[] UnknownServiceItems)
{
    public static IngestResult UnknownServices(int[] items) => new(0, 0, items);
}
