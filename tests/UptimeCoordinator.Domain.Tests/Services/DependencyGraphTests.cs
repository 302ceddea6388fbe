using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Tests.Services;

public sealed class DependencyGraphTests
{
    private static DependencyGraph Graph(params (string Id, string[] DependsOn)[] services) =>
        new(services.ToDictionary(s => s.Id, s => s.DependsOn));

    [Fact]
    public void DependencyOnKnownServicesIsAccepted()
    {
        var graph = Graph(("db", []), ("cache", []));

        Assert.True(graph.Check("api", ["db", "cache"]).IsOk);
    }

    [Fact]
    public void UnknownDependencyIsNamed()
    {
        var graph = Graph(("db", []));

        var check = graph.Check("api", ["db", "queue", "search"]);

        Assert.False(check.IsOk);
        Assert.Equal(["queue", "search"], check.UnknownServices);
    }

    [Fact]
    public void DirectCycleIsRejectedWithItsPath()
    {
        var graph = Graph(("a", ["b"]), ("b", []));

        var check = graph.Check("b", ["a"]);

        Assert.Equal(["b", "a", "b"], check.CyclePath);
    }

    [Fact]
    public void LongCycleThroughSeveralServicesIsRejected()
    {
        var graph = Graph(("a", ["b"]), ("b", ["c"]), ("c", ["d"]), ("d", []));

        var check = graph.Check("d", ["a"]);

        Assert.Equal(["d", "a", "b", "c", "d"], check.CyclePath);
    }

    [Fact]
    public void DiamondIsNotACycle()
    {
        var graph = Graph(("db", []), ("orders", ["db"]), ("billing", ["db"]));

        Assert.True(graph.Check("shop", ["orders", "billing"]).IsOk);
    }

    [Fact]
    public void ReplacingDependenciesOfAnExistingServiceChecksTheNewEdges()
    {
        var graph = Graph(("a", ["b"]), ("b", ["c"]), ("c", []));
        Assert.True(graph.Check("a", ["c"]).IsOk);

        graph.Set("c", ["a"]);

        Assert.False(graph.Check("b", ["c"]).IsOk);
    }

    [Fact]
    public void DirectDependentsListsServicesThatNameIt()
    {
        var graph = Graph(("db", []), ("orders", ["db"]), ("billing", ["db", "orders"]), ("web", ["orders"]));

        Assert.Equal(["billing", "orders"], graph.DirectDependents("db"));
        Assert.Empty(graph.DirectDependents("web"));
    }

    [Fact]
    public void TransitiveDependentsReachEveryServiceAnOutagePropagatesTo()
    {
        var graph = new DependencyGraph(new Dictionary<string, string[]>
        {
            ["db"] = [],
            ["api"] = ["db"],
            ["web"] = ["api"],
            ["reports"] = ["db", "api"],
            ["cdn"] = [],
        });

        Assert.Equal(["api", "reports", "web"], graph.TransitiveDependents("db"));
        Assert.Equal(["reports", "web"], graph.TransitiveDependents("api"));
        Assert.Empty(graph.TransitiveDependents("cdn"));
    }
}
