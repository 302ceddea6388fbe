using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Serialization;
using UptimeCoordinator.Contracts.Integrations;
using UptimeCoordinator.Grains.Tests.Infrastructure;

namespace UptimeCoordinator.Grains.Tests.Integrations;

[Collection(ClusterCollection.Name)]
public sealed class DedupKeyGrainTests(ClusterFixture fixture)
{
    private static string UniqueKey() => IDedupKeyGrain.KeyFor("pagerduty", $"srv-{Guid.NewGuid():N}/disk");

    private IDedupKeyGrain DedupKey(string key) => fixture.Grains.GetGrain<IDedupKeyGrain>(key);

    [Fact]
    public async Task UnknownKeyFindsNothingAndIsNeverWritten()
    {
        var key = DedupKey(UniqueKey());

        Assert.Null(await key.FindAsync());
        await key.ForgetAsync();
        Assert.Equal(0, fixture.Store.WritesOf(key.GetGrainId()));
    }

    [Fact]
    public async Task RememberedTargetIsFoundAndPersisted()
    {
        var key = DedupKey(UniqueKey());

        await key.RememberAsync(new DedupTarget("mysql", "srv01/mysql"));

        Assert.Equal(new DedupTarget("mysql", "srv01/mysql"), await key.FindAsync());
        Assert.True(fixture.Store.Entries.ContainsKey(key.GetGrainId()));
    }

    [Fact]
    public async Task RepeatedTriggerForTheSameTargetDoesNotWriteAgain()
    {
        var key = DedupKey(UniqueKey());
        await key.RememberAsync(new DedupTarget("mysql", "srv01/mysql"));

        await key.RememberAsync(new DedupTarget("mysql", "srv01/mysql"));
        await key.RememberAsync(new DedupTarget("mysql", "srv01/mysql"));

        Assert.Equal(1, fixture.Store.WritesOf(key.GetGrainId()));
    }

    [Fact]
    public async Task NewTargetReplacesTheOldOne()
    {
        var key = DedupKey(UniqueKey());
        await key.RememberAsync(new DedupTarget("mysql", "srv01/mysql"));

        await key.RememberAsync(new DedupTarget("postgres", "srv01/mysql"));

        Assert.Equal(new DedupTarget("postgres", "srv01/mysql"), await key.FindAsync());
        Assert.Equal(2, fixture.Store.WritesOf(key.GetGrainId()));
    }

    [Fact]
    public async Task ForgottenKeyIsGoneFromStorageAndFindsNothing()
    {
        var key = DedupKey(UniqueKey());
        await key.RememberAsync(new DedupTarget("mysql", "srv01/mysql"));

        await key.ForgetAsync();

        Assert.Null(await key.FindAsync());
        Assert.False(fixture.Store.Entries.ContainsKey(key.GetGrainId()));
    }

    [Fact]
    public void TargetSurvivesTheOrleansSerializer()
    {
        var serializer = fixture.Cluster.Client.ServiceProvider.GetRequiredService<Serializer>();
        var target = new DedupTarget("mysql", "srv01/mysql");

        Assert.Equal(target, serializer.Deserialize<DedupTarget>(serializer.SerializeToArray(target)));
    }
}
