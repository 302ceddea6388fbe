namespace UptimeCoordinator.Grains.Tests.Persistence;

/// <summary>
/// Changes made while a write is in flight share one further write, and each commit completes only
/// once a write begun after it has succeeded. Writes here complete when the test says so.
/// </summary>
public sealed class GroupCommitTests
{
    private readonly List<TaskCompletionSource> _writes = [];

    private GroupCommit Commit() => new(new NoGrain(), () =>
    {
        var write = new TaskCompletionSource();
        _writes.Add(write);
        return write.Task;
    });

    [Fact]
    public void ACommitAloneWritesAtOnce()
    {
        var commit = Commit();

        var done = commit.CommitAsync();

        Assert.Single(_writes);
        Assert.False(done.IsCompleted);
        _writes[0].SetResult();
        Assert.True(done.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task CommitsDuringAWriteShareTheNextWriteAndWaitForIt()
    {
        var commit = Commit();
        var first = commit.CommitAsync();

        var during = Enumerable.Range(0, 50).Select(_ => commit.CommitAsync()).ToList();

        Assert.Single(_writes);
        Assert.All(during, task => Assert.Same(during[0], task));
        _writes[0].SetResult();
        await first;
        Assert.Equal(2, _writes.Count);
        Assert.False(during[0].IsCompleted);
        _writes[1].SetResult();
        await Task.WhenAll(during);
    }

    [Fact]
    public async Task AFailedWriteFailsItsOwnCommitsOnlyAndTheQueuedOnesAreWrittenAfterIt()
    {
        var commit = Commit();
        var first = commit.CommitAsync();
        var queued = commit.CommitAsync();

        _writes[0].SetException(new TimeoutException("storage did not answer"));

        // Only the failed write's caller sees the failure (the grain itself would be discarded).
        await Assert.ThrowsAnyAsync<Exception>(() => first);
        Assert.Equal(2, _writes.Count);
        _writes[1].SetResult();
        await queued;
    }

    // A grain that is never reached on success; a failed write asks it to deactivate, which this one cannot.
    private sealed class NoGrain : IGrainBase
    {
        public IGrainContext GrainContext => throw new InvalidOperationException("no grain here: the write failed");
    }
}
