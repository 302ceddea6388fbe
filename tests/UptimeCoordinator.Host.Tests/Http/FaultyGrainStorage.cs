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

    /// <summary>The JSON last written for the grain of type <paramref name="grainType"/> with key <paramref name="key"/>.</summary>
    public string? Stored(string grainType, string key) =>
        _entries.TryGetValue(GrainId.Create(grainType, key), out var entry) ? entry.Data.ToString() : null;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (FailReads)
        {
            throw new IOException("Test storage refuses to read.");
        }

        if (_entries.TryGetValue(grainId, out var entry))
        {
            grainState.State = serializer.Deserialize<T>(entry.Data);
            grainState.ETag = entry.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (FailWrites)
        {
            throw new IOException("Test storage refuses to write.");
        }

        var etag = Guid.NewGuid().ToString("N");
        _entries[grainId] = (serializer.Serialize(grainState.State), etag);
        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _entries.TryRemove(grainId, out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}
