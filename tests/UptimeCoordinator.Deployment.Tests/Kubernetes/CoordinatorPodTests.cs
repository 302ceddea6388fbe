using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using static UptimeCoordinator.Deployment.Tests.Kubernetes.KubernetesManifests;

namespace UptimeCoordinator.Deployment.Tests.Kubernetes;

/// <summary>
/// The coordinator's pod against what the host reads (README.md, "Configuration";
/// <c>Hosting/CoordinatorSiloExtensions.cs</c>) and what Orleans' Kubernetes hosting needs.
/// </summary>
public sealed partial class CoordinatorPodTests
{
    // The shutdown timeout the host is to run with; the pod's grace period must outlast it.
    private const int HostShutdownTimeoutSeconds = 45;

    [Fact]
    public void ProbesAskForHealthzAndReadyzOnADeclaredPort()
    {
        Assert.Equal("/healthz", Container.Text("livenessProbe", "httpGet", "path"));
        Assert.Equal("/readyz", Container.Text("readinessProbe", "httpGet", "path"));
        foreach (var probe in Probes())
        {
            var port = probe.Text("httpGet", "port");
            Assert.True(DeclaredPort(Container, port) == HttpPort(), $"A probe asks port '{port}', which is not the container's http port {HttpPort()}.");
        }
    }

    [Fact]
    public void ProbePathsAreMappedByTheHost()
    {
        var probesApi = RepositoryFiles.Read("src/UptimeCoordinator.Host/Probes/ProbesApi.cs");

        foreach (var path in Probes().Select(p => p.Text("httpGet", "path")))
        {
            Assert.True(probesApi.Contains($"\"{path}\"", StringComparison.Ordinal), $"The host maps no \"{path}\" in Probes/ProbesApi.cs.");
        }
    }

    [Fact]
    public void HostListensOnTheHttpPortInProduction()
    {
        var urls = EnvValue("ASPNETCORE_URLS") ?? "";

        Assert.Equal("http://+:8080", urls);
        Assert.Equal(8080, HttpPort());
        Assert.Equal(HttpPort(), int.Parse(UrlPort().Match(urls).Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Equal("Production", EnvValue("ASPNETCORE_ENVIRONMENT"));
        Assert.Equal(HttpPort(), Coordinator.Root.Integer("spec", "template", "metadata", "annotations", "prometheus.io/port"));
    }

    [Fact]
    public void ContainerDeclaresTheSiloAndGatewayPortsTheHostUses()
    {
        // The host's own defaults, unless the Deployment overrides them.
        using var settings = JsonDocument.Parse(RepositoryFiles.Read("src/UptimeCoordinator.Host/appsettings.json"));
        var orleans = settings.RootElement.GetProperty("Orleans");
        var silo = EnvValue("Orleans__SiloPort") ?? orleans.GetProperty("SiloPort").GetInt32().ToString(CultureInfo.InvariantCulture);
        var gateway = EnvValue("Orleans__GatewayPort") ?? orleans.GetProperty("GatewayPort").GetInt32().ToString(CultureInfo.InvariantCulture);

        Assert.Equal("11111", silo);
        Assert.Equal("30000", gateway);
        Assert.Equal(int.Parse(silo, CultureInfo.InvariantCulture), DeclaredPort(Container, "silo"));
        Assert.Equal(int.Parse(gateway, CultureInfo.InvariantCulture), DeclaredPort(Container, "gateway"));
    }

    [Theory]
    [InlineData("POD_NAME", "metadata.name")]
    [InlineData("POD_NAMESPACE", "metadata.namespace")]
    [InlineData("POD_IP", "status.podIP")]
    public void OrleansKubernetesVariablesComeFromTheDownwardApi(string variable, string field)
    {
        Assert.Equal(field, Env(variable)?.TextOrNull("valueFrom", "fieldRef", "fieldPath"));
    }

    [Theory]
    [InlineData("orleans/serviceId", "ORLEANS_SERVICE_ID", "Orleans__ServiceId")]
    [InlineData("orleans/clusterId", "ORLEANS_CLUSTER_ID", "Orleans__ClusterId")]
    public void OrleansIdentityIsTheSameInThePodLabelAndBothVariables(string label, string kubernetesVariable, string hostVariable)
    {
        // Kubernetes hosting sets ClusterOptions from ORLEANS_*; the host sets it from Orleans:*. Should they
        // differ, the winner depends on registration order, and the agent's pod selector (the labels) misses.
        Assert.True(Coordinator.PodLabels.TryGetValue(label, out var value), $"The pod template has no {label} label.");
        Assert.False(string.IsNullOrEmpty(value));
        Assert.Equal(value, EnvValue(kubernetesVariable));
        Assert.Equal(value, EnvValue(hostVariable));
    }

    [Fact]
    public void DeploymentTurnsOnOrleansKubernetesHosting()
    {
        Assert.Equal("true", EnvValue("Orleans__KubernetesHosting"));
    }

    [SkippableFact]
    public void HostReadsTheKubernetesHostingSwitchTheDeploymentSets()
    {
        var source = string.Concat(Directory
            .EnumerateFiles(RepositoryFiles.PathOf("src/UptimeCoordinator.Host"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        var calls = source.Contains("UseKubernetesHosting(", StringComparison.Ordinal);
        var ci = Environment.GetEnvironmentVariable("CI") is { } value && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");
        Skip.If(!calls && !ci, "The host does not call UseKubernetesHosting() yet; skipped because CI is not set.");

        Assert.True(calls, "The host never calls UseKubernetesHosting(), so Orleans__KubernetesHosting=true does nothing.");
        Assert.True(source.Contains("\"Orleans:KubernetesHosting\"", StringComparison.Ordinal), "The host does not read Orleans:KubernetesHosting, the switch the Deployment sets.");
    }

    [Fact]
    public void ApiKeysComeFromASecretOfAuthVariablesWithValidRoles()
    {
        var secretNames = Container.Items("envFrom").Select(s => s.TextOrNull("secretRef", "name")).OfType<string>().ToList();
        var keys = ExampleSecrets.Where(s => secretNames.Contains(s.Name!)).SelectMany(s => s.Root.Strings("stringData")).ToList();

        Assert.NotEmpty(keys);
        Assert.Contains(keys, k => k.Value == "ops");
        foreach (var (variable, role) in keys)
        {
            // envFrom turns every entry into a variable: anything but Auth__ApiKeys__<key> would be stray configuration.
            Assert.Matches(ApiKeyVariable(), variable);
            Assert.Matches(ApiKeyRole(), role);
        }
    }

    [Fact]
    public void ContainerRequestsAndLimitsCpuAndMemory()
    {
        foreach (var resource in new[] { "cpu", "memory" })
        {
            var request = ResourceQuantity.Parse(Container.Text("resources", "requests", resource));
            var limit = ResourceQuantity.Parse(Container.Text("resources", "limits", resource));
            Assert.True(request <= limit, $"The {resource} request is above its limit.");
        }
    }

    [Fact]
    public void GracePeriodOutlastsPreStopAndTheHostsShutdownTimeout()
    {
        var grace = Coordinator.PodSpec.Integer("terminationGracePeriodSeconds");
        var shutdown = int.Parse(EnvValue("shutdownTimeoutSeconds") ?? "30", CultureInfo.InvariantCulture);
        var preStop = Container.Find("lifecycle", "preStop", "sleep") is { } sleep ? sleep.Integer("seconds") : 0;

        Assert.True(shutdown >= HostShutdownTimeoutSeconds, $"shutdownTimeoutSeconds is {shutdown}, shorter than the host's {HostShutdownTimeoutSeconds} s.");
        Assert.True(grace > HostShutdownTimeoutSeconds, $"terminationGracePeriodSeconds {grace} must be longer than {HostShutdownTimeoutSeconds} s.");
        Assert.True(grace > preStop + shutdown, $"terminationGracePeriodSeconds {grace} must outlast preStop ({preStop} s) plus the shutdown timeout ({shutdown} s).");
    }

    [Fact]
    public void PodRunsAsTheImagesNonRootUserWithAReadOnlyRootFilesystem()
    {
        var pod = Coordinator.PodSpec;
        var tmp = Assert.Single(Container.Items("volumeMounts"), m => m.Text("mountPath") == "/tmp").Text("name");

        Assert.Equal("true", Container.TextOrNull("securityContext", "runAsNonRoot") ?? pod.Text("securityContext", "runAsNonRoot"));
        Assert.Equal("10001", Container.TextOrNull("securityContext", "runAsUser") ?? pod.Text("securityContext", "runAsUser"));
        Assert.Equal("true", Container.Text("securityContext", "readOnlyRootFilesystem"));
        Assert.NotNull(Assert.Single(pod.Items("volumes"), v => v.Text("name") == tmp).Find("emptyDir"));
    }

    [Fact]
    public void EveryPodMeetsTheRestrictedPodSecurityStandardTheNamespaceEnforces()
    {
        Assert.Equal("restricted", One("Namespace").Labels["pod-security.kubernetes.io/enforce"]);
        foreach (var workload in Resources.Where(m => m.Kind is "Deployment" or "StatefulSet"))
        {
            var pod = workload.PodSpec;
            foreach (var container in pod.Items("containers").Concat(pod.Items("initContainers")))
            {
                string? Setting(params string[] path) =>
                    container.TextOrNull(["securityContext", .. path]) ?? pod.TextOrNull(["securityContext", .. path]);

                Assert.True(Setting("runAsNonRoot") == "true", $"{workload} may run as root.");
                Assert.True(Setting("seccompProfile", "type") is "RuntimeDefault" or "Localhost", $"{workload} has no seccomp profile.");
                Assert.True(container.TextOrNull("securityContext", "allowPrivilegeEscalation") == "false", $"{workload} allows privilege escalation.");
                Assert.True(container.Texts("securityContext", "capabilities", "drop").Contains("ALL"), $"{workload} keeps Linux capabilities.");
            }
        }
    }

    private static IEnumerable<YamlDotNet.RepresentationModel.YamlMappingNode> Probes() =>
        new[] { "startupProbe", "livenessProbe", "readinessProbe" }.Select(p => Container.Find(p)).OfType<YamlDotNet.RepresentationModel.YamlMappingNode>();

    private static int? HttpPort() => DeclaredPort(Container, "http");

    [GeneratedRegex(@":(\d+)/?$")]
    private static partial Regex UrlPort();

    // A key cannot contain ':' (README.md); Kubernetes allows letters, digits, '-', '_' and '.' in a Secret's key.
    [GeneratedRegex(@"^Auth__ApiKeys__[-._a-zA-Z0-9]+$")]
    private static partial Regex ApiKeyVariable();

    // The host's roles; a client id is a slug (ClientId.Pattern).
    [GeneratedRegex(@"^(ops|monitor|client:[a-z0-9][a-z0-9-_.]{0,63})$")]
    private static partial Regex ApiKeyRole();
}
