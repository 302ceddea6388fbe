namespace UptimeCoordinator.Host.Demo;

/// <summary>Holds the simulated monitor back until the services it reports on exist.</summary>
internal sealed class DemoSeedSignal
{
    private readonly TaskCompletionSource<bool> _seeded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True once seeded; false if seeding gave up.</summary>
    public Task<bool> Seeded => _seeded.Task;

    public void Complete(bool seeded) => _seeded.TrySetResult(seeded);
}
