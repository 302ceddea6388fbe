using UptimeCoordinator.Contracts.Incidents;
using UptimeCoordinator.Grains.Tests.Infrastructure;
using static UptimeCoordinator.Grains.Tests.Infrastructure.TestData;

namespace UptimeCoordinator.Grains.Tests.Incidents;

/// <summary>
/// Every incident change reaches the one index, and each write stores all its entries: upserts
/// interleave to share writes, and each has been written by the time its call returns.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class IncidentIndexGroupCommitTests(ClusterFixture fixture)
{
    // How many writes they share depends on whether the test storage completes a write at once; GroupCommitTests
    // shows the sharing with writes that complete when the test says so.
    [Fact]
    public async Task ConcurrentUpsertsAreAllStoredWhenTheyReturn()
    {
        var index = fixture.Grains.GetGrain<IIncidentIndexGrain>(UniqueId("index"));
        var ids = Enumerable.Range(0, 300).Select(i => $"incident-{i}").ToList();

        await Task.WhenAll(ids.Select((id, i) => index.UpsertAsync(new IncidentIndexEntry(id, Noon.AddMinutes(i), IsOpen: true))));

        Assert.InRange(fixture.Store.WritesOf(index.GetGrainId()), 1, ids.Count);
        var stored = fixture.Store.Entries[index.GetGrainId()].Data.ToString();
        Assert.All(ids, id => Assert.Contains($"\"{id}\"", stored, StringComparison.Ordinal));
        var listed = await index.ListAsync(openOnly: true, null, 1000);
        Assert.Equal(ids.Count, listed.Ids.Length);
        Assert.Equal("incident-299", listed.Ids[0]);
    }

    [Fact]
    public async Task AnUpsertAloneIsWrittenAtOnce()
    {
        var index = fixture.Grains.GetGrain<IIncidentIndexGrain>(UniqueId("index"));

        await index.UpsertAsync(new IncidentIndexEntry("incident-a", Noon, IsOpen: true));
        await index.UpsertAsync(new IncidentIndexEntry("incident-a", Noon, IsOpen: false, ResolvedAt: Noon.AddHours(1)));

        Assert.Equal(2, fixture.Store.WritesOf(index.GetGrainId()));
        Assert.Empty((await index.ListAsync(openOnly: true, null, 10)).Ids);
    }
}
