using System.Collections.Concurrent;
using Orleans.Runtime;
using Orleans.Storage;

namespace UptimeCoordinator.Host.Tests.Http;

/// <summary>
/// In-memory grain storage that can be told to fail, standing in for a Redis that stops answering.
/// It keeps what was last written per grain as JSON, so tests can tell persisted from in-memory state.
/// </summary>
public sealed class FaultyGrainStorage(IGrainStorageSerializer serializer) : IGrainStorage
{
    private readonly ConcurrentDictionary<GrainId, (BinaryData Data, string ETag)> _entries = new();

    public bool FailReads { get; set; }

    public bool FailWrites { get; set; }

    /// <summary>What a failing read or write throws: by default what a storage that stopped answering throws.</summary>
    public Func<Exception> Fault { get; set; } = () => new IOException("Test storage does not answer.");

    /// <summary>How long every read and write takes, as in a storage that has become slow.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>The JSON last written for the grain of type <paramref name="grainType"/> with key <paramref name="key"/>.</summary>
    public string? Stored(string grainType, string key) =>
        _entries.TryGetValue(GrainId.Create(grainType, key), out var entry) ? entry.Data.ToString() : null;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await Task.Delay(Delay);
        if (FailReads)
        {
            throw Fault();
        }

        if (_entries.TryGetValue(grainId, out var entry))
        {
            grainState.State = serializer.Deserialize<T>(entry.Data);
            grainState.ETag = entry.ETag;
            grainState.RecordExists = true;
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await Task.Delay(Delay);
        if (FailWrites)
        {
            throw Fault();
        }

        var etag = Guid.NewGuid().ToString("N");
        _entries[grainId] = (serializer.Serialize(grainState.State), etag);
        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _entries.TryRemove(grainId, out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}
