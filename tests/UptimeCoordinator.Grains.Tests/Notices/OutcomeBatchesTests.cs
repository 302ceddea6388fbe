using UptimeCoordinator.Grains.Notices;

namespace UptimeCoordinator.Grains.Tests.Notices;

/// <summary>
/// Outcomes for one client go one call at a time: what arrives while a call is in flight goes
/// together in the next, and nothing waits when nothing is in flight.
/// </summary>
public sealed class OutcomeBatchesTests
{
    private readonly List<(string Key, List<int> Items)> _calls = [];
    private TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Task SendAsync(string key, List<int> items)
    {
        lock (_calls)
        {
            _calls.Add((key, items));
        }

        return _gate.Task;
    }

    [Fact]
    public async Task AnItemAloneGoesAtOnce()
    {
        var batches = new OutcomeBatches<int>(SendAsync);
        _gate.SetResult();

        await batches.SendAsync("acme", 1);

        var call = Assert.Single(_calls);
        Assert.Equal("acme", call.Key);
        Assert.Equal([1], call.Items);
    }

    [Fact]
    public async Task ItemsArrivingWhileACallIsInFlightGoTogetherInTheNext()
    {
        var batches = new OutcomeBatches<int>(SendAsync);
        var first = batches.SendAsync("acme", 1);
        var waiting = Enumerable.Range(2, 5).Select(i => batches.SendAsync("acme", i)).ToList();
        Assert.Single(_calls);

        var release = _gate;
        _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _gate.SetResult();
        release.SetResult();
        await Task.WhenAll(waiting.Append(first));

        Assert.Equal([[1], [2, 3, 4, 5, 6]], _calls.Select(c => c.Items));
    }

    [Fact]
    public void KeysDoNotWaitForEachOther()
    {
        var batches = new OutcomeBatches<int>(SendAsync);
        _ = batches.SendAsync("acme", 1);

        _ = batches.SendAsync("globex", 2);

        Assert.Equal(["acme", "globex"], _calls.Select(c => c.Key));
        _gate.SetResult();
    }

    [Fact]
    public async Task AFailedCallFailsItsItemsAndTheNextItemsStillGo()
    {
        var batches = new OutcomeBatches<int>(SendAsync);
        var failing = batches.SendAsync("acme", 1);
        var release = _gate;
        _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _gate.SetResult();
        release.SetException(new TimeoutException("the grain did not answer"));

        await Assert.ThrowsAsync<TimeoutException>(() => failing);
        await batches.SendAsync("acme", 2);

        Assert.Equal([[1], [2]], _calls.Select(c => c.Items));
    }

    [Fact]
    public async Task ABatchIsCappedAndTheRestGoesNext()
    {
        var batches = new OutcomeBatches<int>(SendAsync, maxBatch: 3);
        var first = batches.SendAsync("acme", 0);
        var waiting = Enumerable.Range(1, 7).Select(i => batches.SendAsync("acme", i)).ToList();

        var release = _gate;
        _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _gate.SetResult();
        release.SetResult();
        await Task.WhenAll(waiting.Append(first));

        Assert.Equal([[0], [1, 2, 3], [4, 5, 6], [7]], _calls.Select(c => c.Items));
    }
}
