using static UptimeCoordinator.Deployment.Tests.Kubernetes.KubernetesManifests;

namespace UptimeCoordinator.Deployment.Tests.Kubernetes;

/// <summary>The Redis of <c>k8s/redis.yaml</c>: durable, reachable at the example's address, and by the coordinator only.</summary>
public sealed class RedisManifestTests
{
    private static Manifest StatefulSet => One("StatefulSet", "redis");

    private static Manifest HeadlessService => One("Service", StatefulSet.Root.Text("spec", "serviceName"));

    private static IReadOnlyList<string> CommandLine(Manifest workload)
    {
        var container = Assert.Single(workload.PodSpec.Items("containers"));
        return [.. container.Texts("command"), .. container.Texts("args")];
    }

    [Fact]
    public void RedisKeepsAnAppendOnlyFileSyncedOnEveryWrite()
    {
        var commandLine = CommandLine(StatefulSet);

        Assert.Equal(1, StatefulSet.Root.Integer("spec", "replicas"));
        Assert.Equal("yes", ValueOf(commandLine, "--appendonly"));
        Assert.Equal("always", ValueOf(commandLine, "--appendfsync"));
    }

    [Fact]
    public void RedisDataDirectoryIsAPersistentVolumeClaim()
    {
        var claim = Assert.Single(StatefulSet.Root.Items("spec", "volumeClaimTemplates"));
        var container = Assert.Single(StatefulSet.PodSpec.Items("containers"));
        var mount = Assert.Single(container.Items("volumeMounts"), m => m.Text("name") == claim.Text("metadata", "name"));

        Assert.Equal(ValueOf(CommandLine(StatefulSet), "--dir") ?? "/data", mount.Text("mountPath"));
        Assert.Contains("ReadWriteOnce", claim.Texts("spec", "accessModes"));
        Assert.NotNull(claim.TextOrNull("spec", "resources", "requests", "storage"));
    }

    [Fact]
    public void HeadlessServiceSelectsTheRedisPod()
    {
        Assert.Equal("None", HeadlessService.Root.Text("spec", "clusterIP"));
        Assert.True(Selects(HeadlessService.Root.Strings("spec", "selector"), StatefulSet.PodLabels));
        Assert.True(Selects(StatefulSet.Root.Strings("spec", "selector", "matchLabels"), StatefulSet.PodLabels));
    }

    [Fact]
    public void ExampleConnectionStringNamesTheStatefulSetsPod()
    {
        var secret = Assert.Single(ExampleSecrets, s => s.Name == Env("ConnectionStrings__Redis")?.Text("valueFrom", "secretKeyRef", "name"));
        var connection = secret.Root.Text("stringData", Env("ConnectionStrings__Redis")!.Text("valueFrom", "secretKeyRef", "key"));
        var port = Assert.Single(HeadlessService.Root.Items("spec", "ports")).Integer("port");

        // The first endpoint of the StackExchange.Redis configuration string: <pod>.<service>.<namespace>.svc.cluster.local:<port>.
        Assert.Equal($"{StatefulSet.Name}-0.{HeadlessService.Name}.{Namespace}.svc.cluster.local:{port}", connection.Split(',')[0]);
        Assert.Equal(port, KubernetesManifests.DeclaredPort(Assert.Single(StatefulSet.PodSpec.Items("containers")), "redis"));
    }

    [Fact]
    public void OnlyTheCoordinatorPodsMayReachRedis()
    {
        var policy = One("NetworkPolicy");
        var rule = Assert.Single(policy.Root.Items("spec", "ingress"));
        var source = Assert.Single(rule.Items("from"));
        var port = Assert.Single(rule.Items("ports")).Text("port");

        Assert.True(Selects(policy.Root.Strings("spec", "podSelector", "matchLabels"), StatefulSet.PodLabels), "The policy does not guard the Redis pod.");
        Assert.Contains("Ingress", policy.Root.Texts("spec", "policyTypes"));
        Assert.Null(source.Find("namespaceSelector"));
        Assert.True(Selects(source.Strings("podSelector", "matchLabels"), Coordinator.PodLabels), "The coordinator pods may not reach Redis.");
        Assert.False(Selects(source.Strings("podSelector", "matchLabels"), StatefulSet.PodLabels));
        Assert.Equal(6379, KubernetesManifests.DeclaredPort(Assert.Single(StatefulSet.PodSpec.Items("containers")), port));
    }

    // "--flag value" on a command line; null where the flag is absent.
    private static string? ValueOf(IReadOnlyList<string> commandLine, string flag)
    {
        var index = commandLine.ToList().IndexOf(flag);
        return index >= 0 && index + 1 < commandLine.Count ? commandLine[index + 1] : null;
    }
}
