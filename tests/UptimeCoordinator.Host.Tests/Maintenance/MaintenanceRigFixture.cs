namespace UptimeCoordinator.Host.Tests.Maintenance;

/// <summary>One <see cref="MaintenanceRig"/> per test class, to pay the host's start once; the tests use unique ids.</summary>
public sealed class MaintenanceRigFixture : IAsyncLifetime
{
    internal MaintenanceRig Rig { get; private set; } = null!;

    public async Task InitializeAsync() => Rig = await MaintenanceRig.StartAsync();

    public async Task DisposeAsync() => await Rig.DisposeAsync();
}
