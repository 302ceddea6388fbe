using System.Collections.Concurrent;

namespace UptimeCoordinator.Grains.Tests.Infrastructure;

/// <summary>
/// An in-memory reminder table that can be told to refuse writes, as the reminder service does while
/// the silo owning a reminder's partition is dying and not yet declared dead.
/// </summary>
public sealed class FlakyReminderTable : IReminderTable
{
    private readonly ConcurrentDictionary<(GrainId Grain, string Name), ReminderEntry> _rows = new();

    public bool FailUpserts { get; set; }

    public int RefusedUpserts => Volatile.Read(ref _refused);

    private int _refused;

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        Task.FromResult(new ReminderTableData(_rows.Values.Where(r => r.GrainId == grainId)));

    public Task<ReminderTableData> ReadRows(uint begin, uint end) =>
        Task.FromResult(new ReminderTableData(_rows.Values.Where(r => InRange(r.GrainId.GetUniformHashCode(), begin, end))));

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) =>
        Task.FromResult(_rows.TryGetValue((grainId, reminderName), out var row) ? row : null);

    public Task<string?> UpsertRow(ReminderEntry entry)
    {
        if (FailUpserts)
        {
            Interlocked.Increment(ref _refused);
            throw new TimeoutException("Test reminder table: the silo owning this partition does not answer.");
        }

        entry.ETag = Guid.NewGuid().ToString("N");
        _rows[(entry.GrainId, entry.ReminderName)] = entry;
        return Task.FromResult<string?>(entry.ETag);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) =>
        Task.FromResult(_rows.TryRemove((grainId, reminderName), out _));

    public Task TestOnlyClearTable()
    {
        _rows.Clear();
        return Task.CompletedTask;
    }

    // Orleans' ring ranges: (begin, end], wrapping past uint.MaxValue when begin >= end.
    private static bool InRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;
}
