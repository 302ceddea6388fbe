using System.Collections.Concurrent;
using Orleans.Runtime;
using Orleans.Storage;

namespace UptimeCoordinator.Grains.Tests.Infrastructure;

/// <summary>
/// Grain storage shared by every silo of the test cluster, like Redis is in production. State
/// goes through the silo's grain storage serializer (System.Text.Json, as in production), and
/// writes are counted per grain so tests can prove that no-op events do not write.
/// </summary>
public sealed class RecordingGrainStorage(SharedStore store, IGrainStorageSerializer serializer) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        store.ThrowIfRefused(grainId);
        if (store.Entries.TryGetValue(grainId, out var entry))
        {
            grainState.State = serializer.Deserialize<T>(entry.Data);
            grainState.ETag = entry.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        store.ThrowIfRefused(grainId);
        var etag = Guid.NewGuid().ToString("N");
        store.Entries[grainId] = new StoredState(serializer.Serialize(grainState.State), etag);
        store.Writes.AddOrUpdate(grainId, 1, (_, n) => n + 1);
        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        store.Entries.TryRemove(grainId, out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}

public sealed record StoredState(BinaryData Data, string ETag);

/// <summary>The storage behind <see cref="RecordingGrainStorage"/>, one per test cluster.</summary>
public sealed class SharedStore
{
    public ConcurrentDictionary<GrainId, StoredState> Entries { get; } = new();

    public ConcurrentDictionary<GrainId, int> Writes { get; } = new();

    public int WritesOf(GrainId grainId) => Writes.GetValueOrDefault(grainId);

    /// <summary>Grains whose reads and writes fail, as while Redis is away; none unless a test says so.</summary>
    public Func<GrainId, bool> Refuses { get; set; } = _ => false;

    public int Refused => Volatile.Read(ref _refused);

    private int _refused;

    internal void ThrowIfRefused(GrainId grainId)
    {
        if (Refuses(grainId))
        {
            Interlocked.Increment(ref _refused);
            throw new TimeoutException($"Test storage: {grainId} cannot be reached.");
        }
    }
}
