namespace UptimeCoordinator.Grains;

/// <summary>
/// Group commit for a grain whose every change rewrites one large state (an index across all
/// incidents): while a write is in flight, the changes made meanwhile wait for one further write
/// together, and each caller returns once a write that carries its change has succeeded. Writes per
/// second stay bounded by how long one takes; changes per second do not. Only useful to calls that
/// interleave (<c>[AlwaysInterleave]</c>), since a grain that takes one call at a time has nothing to
/// group. Runs on the grain's scheduler, so it needs no locks.
/// </summary>
internal sealed class GroupCommit(IGrainBase grain, Func<Task> write)
{
    private Task? _running;
    private Task? _queued;

    /// <summary>Completes when a write begun after this call has succeeded; a failed write discards the activation.</summary>
    public Task CommitAsync()
    {
        // Joined even when the write before it has just completed: the queued write's continuation, which starts
        // it, may not have run yet, and starting another here would write concurrently with it.
        if (_queued is not null)
        {
            return _queued;
        }

        if (_running is null || _running.IsCompleted)
        {
            _running = grain.PersistOrDiscardAsync(write);
            return _running;
        }

        return _queued = AfterRunningAsync(_running);
    }

    private async Task AfterRunningAsync(Task running)
    {
        try
        {
            await running;
        }
        catch
        {
            // That write's failure is its own callers' to see; the changes since are written again below.
        }

        _queued = null;
        _running = grain.PersistOrDiscardAsync(write);
        await _running;
    }
}
