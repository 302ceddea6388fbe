namespace UptimeCoordinator.Host.Tests.Costs;

/// <summary>
/// One <see cref="CostRig"/> per test class, its clock starting at the fixed <see cref="Epoch"/> whatever
/// the wall clock says, so that the first slots are the ones the hand computations were written for:
/// Tuesday 3 November 2026 for a Tuesday in Berlin, November 2026 for a 30-day month. Tests of the
/// class run one after another, each moving the clock forward to the first slot it fits.
/// </summary>
public sealed class CostRigFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Epoch = new(2026, 10, 31, 0, 0, 0, TimeSpan.Zero);

    internal CostRig Rig { get; private set; } = null!;

    public async Task InitializeAsync() => Rig = await CostRig.StartAsync(Epoch);

    public async Task DisposeAsync() => await Rig.DisposeAsync();
}
