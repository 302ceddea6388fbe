using UptimeCoordinator.Contracts;
using UptimeCoordinator.Contracts.Incidents;
using UptimeCoordinator.Domain.Incidents;

namespace UptimeCoordinator.Grains.Incidents;

/// <summary>
/// Lists incidents newest first. Sort keys are <c>{inverted ticks}|{id}</c>, so ordinal order is
/// newest first and the key is a stable cursor. Every incident change reaches it, and each write
/// stores all entries, so upserts interleave and share writes (<see cref="GroupCommit"/>).
/// </summary>
[GrainType("incident-index")]
public sealed class IncidentIndexGrain([PersistentState("incident-index")] IPersistentState<IncidentIndexState> state)
    : Grain, IIncidentIndexGrain
{
    private readonly SortedSet<string> _all = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _open = new(StringComparer.Ordinal);
    private GroupCommit? _commit;

    private GroupCommit Commit => _commit ??= new GroupCommit(this, state.WriteStateAsync);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in state.State.Entries.Values)
        {
            Track(entry);
        }

        return Task.CompletedTask;
    }

    public async Task UpsertAsync(IncidentIndexEntry entry)
    {
        if (state.State.Entries.TryGetValue(entry.IncidentId, out var current) && current == entry)
        {
            return;
        }

        if (current is not null)
        {
            _all.Remove(SortKey(current));
            _open.Remove(SortKey(current));
        }

        state.State.Entries[entry.IncidentId] = entry;
        Track(entry);
        await Commit.CommitAsync();
    }

    public Task<IdPage> ListAsync(bool openOnly, string? after, int limit) =>
        Task.FromResult(Paging.PageAfter(openOnly ? _open : _all, after, limit, IdOf));

    public Task<int> CountOpenAsync() => Task.FromResult(state.State.Entries.Values.Count(e => e.IsOpen));

    public Task<IncidentStatsView> StatsAsync(DateTimeOffset from, DateTimeOffset to) =>
        Task.FromResult(IncidentStatsView.Of(IncidentStats.Compute(state.State.Entries.Values.Select(e => e.ToFigures()), from, to)));

    private void Track(IncidentIndexEntry entry)
    {
        _all.Add(SortKey(entry));
        if (entry.IsOpen)
        {
            _open.Add(SortKey(entry));
        }
    }

    private static string SortKey(IncidentIndexEntry entry) =>
        $"{DateTimeOffset.MaxValue.UtcTicks - entry.OpenedAt.UtcTicks:D19}|{entry.IncidentId}";

    private static string IdOf(string sortKey) => sortKey[(sortKey.IndexOf('|', StringComparison.Ordinal) + 1)..];
}
