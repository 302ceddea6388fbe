using System.Collections.Concurrent;

namespace UptimeCoordinator.Domain.Clients;

/// <summary>IANA time zones only: the ids clients and the tz database use, the same on every platform.</summary>
public static class TimeZones
{
    // The runtime's lookup was a sixth of planning a fan-out's notices (docs/benchmarks.md); zones do not change
    // while the process runs, and only ids that name one are kept, so the cache is as small as the tz database.
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Found = new(StringComparer.Ordinal);

    public static bool TryFind(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            return false;
        }

        if (Found.TryGetValue(id, out var cached))
        {
            zone = cached;
            return true;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) || !found.HasIanaId)
        {
            return false;
        }

        zone = Found.GetOrAdd(id, found);
        return true;
    }

    /// <summary>The zone of an id already validated; UTC should the platform's tz data have changed since.</summary>
    public static TimeZoneInfo Find(string id) => TryFind(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
