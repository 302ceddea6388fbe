using System.Net;

namespace UptimeCoordinator.Deployment.Tests.Compose;

/// <summary><c>docker-compose.yml</c> as a cluster: the silos agree on who they are and can reach each other.</summary>
public sealed class ComposeFileTests
{
    public const string SiloImage = "uptime-coordinator:latest";

    private static readonly ComposeFile Compose = ComposeFile.Load();

    [Fact]
    public void ThreeSilosRunTheOneImageThatTheFirstBuilds()
    {
        Assert.Equal(["silo1", "silo2", "silo3"], Compose.Silos.Select(s => s.Name));
        Assert.All(Compose.Silos, silo => Assert.Equal(SiloImage, silo.Image));
        var builder = Assert.Single(Compose.Silos, s => s.BuildContext is not null);
        Assert.Equal(".", builder.BuildContext);
    }

    [Fact]
    public void SilosShareOneClusterOneServiceAndOneRedis()
    {
        foreach (var key in new[] { "Orleans__ClusterId", "Orleans__ServiceId", "ConnectionStrings__Redis" })
        {
            var values = Compose.Silos.Select(s => s.Environment.GetValueOrDefault(key)).Distinct().ToList();
            Assert.True(values is [{ Length: > 0 }], $"The silos disagree on {key}: {string.Join(", ", values)}.");
        }

        Assert.All(Compose.Silos, silo => Assert.Equal("redis:6379", silo.Environment["ConnectionStrings__Redis"]));
    }

    [Fact]
    public void EachSiloAdvertisesItsOwnFixedAddressOnTheNetwork()
    {
        // The host parses Orleans:AdvertisedIPAddress as an IP address and falls back to loopback, which the other
        // silos cannot reach: every silo needs a fixed address, the same one it advertises.
        var ipam = YamlTree.Map(YamlTree.List(YamlTree.Map(YamlTree.Map(Compose.Networks.Get("default")).Get("ipam")).Get("config")).Single());
        var subnet = IPNetwork.Parse(YamlTree.Text(ipam.Get("subnet"))!);
        var dynamicRange = IPNetwork.Parse(YamlTree.Text(ipam.Get("ip_range"))!);

        var addresses = Compose.Silos.Select(silo =>
        {
            var advertised = IPAddress.Parse(silo.Environment["Orleans__AdvertisedIPAddress"]);
            Assert.Equal(silo.Ipv4Address("default"), advertised.ToString());
            Assert.True(subnet.Contains(advertised), $"{silo.Name} advertises {advertised}, outside {subnet}.");
            Assert.False(dynamicRange.Contains(advertised), $"{silo.Name}'s {advertised} is in {dynamicRange}, where Docker hands out addresses.");
            return advertised;
        }).ToList();
        Assert.Equal(addresses.Count, addresses.Distinct().Count());
    }

    [Fact]
    public void EachSiloHasAnOpsKeyThatHasNoDefault()
    {
        Assert.All(Compose.Silos, silo =>
        {
            var key = Assert.Single(silo.Environment, e => e.Key.StartsWith("Auth__ApiKeys__", StringComparison.Ordinal));
            Assert.Equal("ops", key.Value);
            Assert.StartsWith("Auth__ApiKeys__${OPS_API_KEY:?", key.Key, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void SilosPublishTheirHttpPortOn5081To5083()
    {
        Assert.Equal(["5081:8080", "5082:8080", "5083:8080"], Compose.Silos.Select(s => Assert.Single(s.Ports)));
    }

    [Fact]
    public void SilosWaitForAHealthyRedisAndReportTheirReadiness()
    {
        Assert.All(Compose.Silos, silo =>
        {
            Assert.Equal("service_healthy", silo.DependsOn["redis"]);
            Assert.Equal("CMD", silo.HealthcheckTest[0]);
            Assert.Contains(silo.HealthcheckTest, word => word.Contains("GET /readyz", StringComparison.Ordinal));
        });
    }

    [Fact]
    public void RedisKeepsAnAppendOnlyLogOnAVolume()
    {
        var redis = Compose.Service("redis");

        Assert.Equal("redis:7", redis.Image);
        Assert.Equal(["redis-server", "--appendonly", "yes", "--appendfsync", "always"], redis.Command);
        Assert.Equal(["CMD", "redis-cli", "ping"], redis.HealthcheckTest);
        var volume = Assert.Single(redis.Volumes);
        Assert.EndsWith(":/data", volume, StringComparison.Ordinal);
        Assert.True(Compose.Volumes.ContainsKey(volume.Split(':')[0]), $"The volume of {volume} is not declared.");
    }

    [Fact]
    public void GrafanaGetsTheProvisionedDatasourceAndDashboards()
    {
        var grafana = Compose.Service("grafana");
        var mounts = grafana.Volumes.Select(v => v.Split(':')).Where(parts => parts[0].StartsWith("./", StringComparison.Ordinal))
            .ToDictionary(parts => parts[0], parts => parts[1]);

        Assert.Equal("/etc/grafana/provisioning/datasources", mounts["./dashboards/provisioning/datasources"]);
        Assert.Equal("/etc/grafana/provisioning/dashboards", mounts["./dashboards/provisioning/dashboards"]);
        var provider = YamlTree.Map(YamlTree.List(YamlTree.Load(RepositoryFiles.Read("dashboards/provisioning/dashboards/dashboards.yml")).Get("providers")).Single());
        Assert.Equal(mounts["./dashboards"], YamlTree.Text(YamlTree.Map(provider.Get("options")).Get("path")));
        Assert.Equal("3000:3000", Assert.Single(grafana.Ports));
        Assert.StartsWith("${GRAFANA_ADMIN_PASSWORD:-", grafana.Environment["GF_SECURITY_ADMIN_PASSWORD"], StringComparison.Ordinal);
    }

    [SkippableFact]
    public void KubernetesRunsTheImageComposeBuilds()
    {
        var k8s = RepositoryFiles.PathOf("k8s");
        Skip.IfNot(Directory.Exists(k8s), "There is no k8s/ folder yet.");

        var images = Directory.EnumerateFiles(k8s, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .SelectMany(f => YamlTree.LoadAll(File.ReadAllText(f)))
            .SelectMany(ContainerImages)
            .Where(image => image.Contains("uptime-coordinator", StringComparison.Ordinal))
            .Distinct()
            .ToList();

        Assert.Equal([SiloImage], images);
    }

    // Every "containers" and "initContainers" list anywhere in a manifest, so Deployments, StatefulSets and Jobs all count.
    private static IEnumerable<string> ContainerImages(object? node) => node switch
    {
        IReadOnlyDictionary<string, object?> map => map.SelectMany(entry => entry.Key is "containers" or "initContainers"
            ? YamlTree.List(entry.Value).Select(c => YamlTree.Text(YamlTree.Map(c).Get("image")) ?? "")
            : ContainerImages(entry.Value)),
        IDictionary<object, object?> map => ContainerImages(YamlTree.Map(map)),
        IList<object?> list => list.SelectMany(ContainerImages),
        _ => [],
    };
}
