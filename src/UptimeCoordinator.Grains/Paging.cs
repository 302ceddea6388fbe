using UptimeCoordinator.Contracts;

namespace UptimeCoordinator.Grains;

/// <summary>Keyset pagination over an ordinal sorted set of keys.</summary>
internal static class Paging
{
    public static IdPage PageAfter(SortedSet<string> keys, string? after, int limit, Func<string, string>? toId = null)
    {
        IEnumerable<string> candidates = after is null ? keys
            : string.CompareOrdinal(after, keys.Max) >= 0 ? []
            : keys.GetViewBetween(after, keys.Max!).SkipWhile(k => k == after);
        var page = candidates.Take(limit + 1).ToList();
        var hasMore = page.Count > limit;
        if (hasMore)
        {
            page.RemoveAt(limit);
        }

        toId ??= key => key;
        return new IdPage([.. page.Select(toId)], hasMore ? page[^1] : null);
    }
}
