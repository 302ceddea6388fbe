namespace UptimeCoordinator.Host.Tests.Incidents;

/// <summary>One <see cref="IncidentRig"/> per test class, to pay the host's start once; the tests use unique ids.</summary>
public sealed class IncidentRigFixture : IAsyncLifetime
{
    internal IncidentRig Rig { get; private set; } = null!;

    public async Task InitializeAsync() => Rig = await IncidentRig.StartAsync();

    public async Task DisposeAsync() => await Rig.DisposeAsync();
}
