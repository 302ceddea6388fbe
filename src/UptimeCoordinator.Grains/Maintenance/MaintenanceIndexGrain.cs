using UptimeCoordinator.Contracts.Maintenance;
using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Maintenance;

namespace UptimeCoordinator.Grains.Maintenance;

/// <summary>
/// Every maintenance window in one grain, so that reserving a service's time is one atomic check
/// and listing never activates the windows. Finished windows are kept as long as the SLA ledgers
/// look back, then forgotten.
/// </summary>
[GrainType("maintenance-index")]
public sealed class MaintenanceIndexGrain(
    [PersistentState("maintenance-index")] IPersistentState<MaintenanceIndexState> state,
    TimeProvider time) : Grain, IMaintenanceIndexGrain
{
    private Dictionary<string, MaintenanceIndexEntry> Windows => state.State.Windows;

    public async Task<MaintenanceIndexEntry[]> ReserveAsync(MaintenanceIndexEntry entry)
    {
        MaintenanceIndexEntry[] overlapping = [.. Windows.Values
            .Where(w => w.Id != entry.Id && w.IsActive && w.Touches(entry.ServiceIds) && w.Overlaps(entry.Start, entry.End))
            .OrderBy(w => w.Start)];
        if (overlapping.Length == 0)
        {
            Windows[entry.Id] = entry;
            Trim();
            await state.WriteOrDiscardAsync(this);
        }

        return overlapping;
    }

    public async Task UpdateAsync(MaintenanceIndexEntry entry)
    {
        if (Windows.GetValueOrDefault(entry.Id) != entry)
        {
            Windows[entry.Id] = entry;
            await state.WriteOrDiscardAsync(this);
        }
    }

    public async Task ReleaseAsync(string id)
    {
        if (Windows.Remove(id))
        {
            await state.WriteOrDiscardAsync(this);
        }
    }

    public Task<MaintenanceIndexEntry[]> ListAsync(MaintenanceIndexQuery query)
    {
        var after = query.After is { } id && Windows.TryGetValue(id, out var cursor) ? cursor : null;
        return Task.FromResult<MaintenanceIndexEntry[]>([.. Windows.Values
            .Where(w => query.Stages is null || query.Stages.Contains(w.Stage))
            .Where(w => query.ServiceId is null || w.AffectedServiceIds.Contains(query.ServiceId, StringComparer.Ordinal))
            .Where(w => query.VisibleToServices is null || w.AffectedServiceIds.Intersect(query.VisibleToServices, StringComparer.Ordinal).Any())
            .OrderBy(w => w.Start)
            .ThenBy(w => w.Id, StringComparer.Ordinal)
            .Where(w => after is null || w.Start > after.Start || (w.Start == after.Start && string.CompareOrdinal(w.Id, after.Id) > 0))
            .Take(query.Limit)]);
    }

    public Task<MaintenanceIndexEntry[]> OverlappingAsync(string[] serviceIds, DateTimeOffset from, DateTimeOffset to) =>
        Task.FromResult<MaintenanceIndexEntry[]>([.. Windows.Values
            .Where(w => w.Stage != MaintenanceStage.Cancelled
                && w.AffectedServiceIds.Intersect(serviceIds, StringComparer.Ordinal).Any()
                && w.Start < to && from < (w.EndedAt is { } ended && ended > w.End ? ended : w.End))
            .OrderBy(w => w.Start)]);

    // Windows over longer ago than the ledgers keep excuse nothing any SLA report can still ask about.
    private void Trim()
    {
        var horizon = time.GetUtcNow() - ImpactLedger.Keep;
        foreach (var old in Windows.Values.Where(w => !w.IsActive && w.End < horizon).Select(w => w.Id).ToList())
        {
            Windows.Remove(old);
        }
    }
}
