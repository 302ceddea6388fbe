using static UptimeCoordinator.Deployment.Tests.Kubernetes.KubernetesManifests;

namespace UptimeCoordinator.Deployment.Tests.Kubernetes;

/// <summary>
/// <c>k8s/</c> as a whole: what the kustomization applies, and that the objects name each other correctly
/// (selectors, the autoscaler's target, RBAC, Secrets and ConfigMaps).
/// </summary>
public sealed class KubernetesManifestTests
{
    [Fact]
    public void EveryKustomizationResourceExistsAndParses()
    {
        Assert.NotEmpty(ResourceFiles);
        foreach (var file in ResourceFiles)
        {
            Assert.NotEmpty(Parse(file));
        }
    }

    [Fact]
    public void EveryManifestHasApiVersionKindNameAndTheUptimeNamespace()
    {
        Assert.Equal(Namespace, Kustomization.Text("namespace"));
        foreach (var manifest in Resources.Concat(ExampleSecrets))
        {
            Assert.False(string.IsNullOrWhiteSpace(manifest.ApiVersion), $"{manifest} has no apiVersion.");
            Assert.False(string.IsNullOrWhiteSpace(manifest.Kind), $"{manifest} has no kind.");
            Assert.False(string.IsNullOrWhiteSpace(manifest.Name), $"{manifest} has no metadata.name.");
            Assert.True(manifest.Labels.ContainsKey("app.kubernetes.io/name"), $"{manifest} has no app.kubernetes.io/name label.");
            if (manifest.Kind == "Namespace")
            {
                Assert.Equal(Namespace, manifest.Name);
            }
            else
            {
                Assert.True(manifest.Namespace == Namespace, $"{manifest} is in namespace '{manifest.Namespace}', not '{Namespace}'.");
            }
        }

        Assert.Single(Resources, m => m.Kind == "Namespace");
    }

    [Fact]
    public void KustomizeDoesNotApplyTheExampleSecrets()
    {
        // Applying the placeholders would overwrite the real secrets on every kubectl apply -k.
        Assert.DoesNotContain(ExampleSecretsFile, ResourceFiles);
        Assert.DoesNotContain(Resources, m => m.Kind == "Secret");
        Assert.All(ExampleSecrets, s => Assert.Equal("Secret", s.Kind));
    }

    [Fact]
    public void DeploymentSelectorIsASubsetOfThePodLabels()
    {
        var selector = Coordinator.Root.Strings("spec", "selector", "matchLabels");

        Assert.True(Selects(selector, Coordinator.PodLabels), "The Deployment's selector.matchLabels must all be on its pod template.");
        Assert.Equal("uptime-coordinator", Coordinator.PodLabels["app.kubernetes.io/name"]);
    }

    [Fact]
    public void ServiceAndDisruptionBudgetSelectTheCoordinatorPodsOnly()
    {
        var service = One("Service", Coordinator.Name);
        var budget = One("PodDisruptionBudget");
        var redisPods = One("StatefulSet", "redis").PodLabels;

        foreach (var (owner, selector) in new[]
        {
            (service.ToString(), service.Root.Strings("spec", "selector")),
            (budget.ToString(), budget.Root.Strings("spec", "selector", "matchLabels")),
        })
        {
            Assert.True(Selects(selector, Coordinator.PodLabels), $"{owner} does not select the Deployment's pods.");
            Assert.False(Selects(selector, redisPods), $"{owner} also selects the Redis pods.");
        }
    }

    [Fact]
    public void ServiceSendsPort80ToTheHttpPort()
    {
        var port = Assert.Single(One("Service", Coordinator.Name).Root.Items("spec", "ports"));

        Assert.Equal("ClusterIP", One("Service", Coordinator.Name).Root.Text("spec", "type"));
        Assert.Equal(80, port.Integer("port"));
        Assert.Equal(8080, DeclaredPort(Container, port.Text("targetPort")));
    }

    [Fact]
    public void AutoscalerScalesTheDeploymentOnCpuFromThreeToTen()
    {
        var hpa = One("HorizontalPodAutoscaler");
        var metric = Assert.Single(hpa.Root.Items("spec", "metrics"));

        Assert.Equal("autoscaling/v2", hpa.ApiVersion);
        Assert.Equal("apps/v1", hpa.Root.Text("spec", "scaleTargetRef", "apiVersion"));
        Assert.Equal("Deployment", hpa.Root.Text("spec", "scaleTargetRef", "kind"));
        Assert.Equal(Coordinator.Name, hpa.Root.Text("spec", "scaleTargetRef", "name"));
        Assert.Equal(3, hpa.Root.Integer("spec", "minReplicas"));
        Assert.Equal(10, hpa.Root.Integer("spec", "maxReplicas"));
        Assert.Equal("Resource", metric.Text("type"));
        Assert.Equal("cpu", metric.Text("resource", "name"));
        Assert.Equal("Utilization", metric.Text("resource", "target", "type"));
        Assert.Equal(70, metric.Integer("resource", "target", "averageUtilization"));
    }

    [Fact]
    public void RollingUpdateAndDrainsKeepTwoOfThreeSilosServing()
    {
        var replicas = Coordinator.Root.Integer("spec", "replicas");
        var minAvailable = One("PodDisruptionBudget").Root.Integer("spec", "minAvailable");

        Assert.Equal(3, replicas);
        Assert.Equal("RollingUpdate", Coordinator.Root.Text("spec", "strategy", "type"));
        Assert.Equal("0", Coordinator.Root.Text("spec", "strategy", "rollingUpdate", "maxUnavailable"));
        Assert.Equal("1", Coordinator.Root.Text("spec", "strategy", "rollingUpdate", "maxSurge"));
        Assert.Equal(2, minAvailable);
        // A budget of all the replicas would block every node drain.
        Assert.True(minAvailable < replicas, "minAvailable must leave one pod to evict.");
        Assert.True(One("HorizontalPodAutoscaler").Root.Integer("spec", "minReplicas") > minAvailable);
    }

    [Fact]
    public void RoleBindingGivesTheDeploymentsServiceAccountTheRole()
    {
        var account = Coordinator.PodSpec.Text("serviceAccountName");
        var binding = One("RoleBinding");
        var subject = Assert.Single(binding.Root.Items("subjects"));

        Assert.Equal(account, One("ServiceAccount", account).Name);
        Assert.Equal("rbac.authorization.k8s.io", binding.Root.Text("roleRef", "apiGroup"));
        Assert.Equal("Role", binding.Root.Text("roleRef", "kind"));
        Assert.Equal(One("Role").Name, binding.Root.Text("roleRef", "name"));
        Assert.Equal("ServiceAccount", subject.Text("kind"));
        Assert.Equal(account, subject.Text("name"));
        Assert.Equal(Namespace, subject.Text("namespace"));
    }

    [Fact]
    public void RoleGrantsWhatOrleansKubernetesHostingDoesWithPods()
    {
        var podRules = One("Role").Root.Items("rules")
            .Where(r => r.Texts("apiGroups").Contains("") && r.Texts("resources").Contains("pods"))
            .ToList();
        var verbs = podRules.SelectMany(r => r.Texts("verbs")).ToHashSet();

        Assert.Superset(new HashSet<string> { "get", "list", "watch", "patch" }, verbs);
        Assert.DoesNotContain("*", verbs);
    }

    [Fact]
    public void EverySecretAndConfigMapTheDeploymentReadsIsDefined()
    {
        var secrets = ExampleSecrets.ToDictionary(s => s.Name!, SecretKeys);
        var configMaps = Resources.Where(m => m.Kind == "ConfigMap").Select(m => m.Name).ToHashSet();

        foreach (var env in Container.Items("env"))
        {
            if (env.Find("valueFrom", "secretKeyRef") is { } reference)
            {
                var name = reference.Text("name");
                Assert.True(secrets.ContainsKey(name), $"{env.Text("name")} reads Secret {name}, which {ExampleSecretsFile} does not define.");
                Assert.Contains(reference.Text("key"), secrets[name]);
            }
        }

        foreach (var source in Container.Items("envFrom"))
        {
            if (source.TextOrNull("secretRef", "name") is { } secret)
            {
                Assert.True(secrets.ContainsKey(secret), $"envFrom reads Secret {secret}, which {ExampleSecretsFile} does not define.");
            }

            if (source.TextOrNull("configMapRef", "name") is { } configMap)
            {
                Assert.True(configMaps.Contains(configMap), $"envFrom reads ConfigMap {configMap}, which the kustomization does not apply.");
            }
        }
    }

    [Fact]
    public void RedisConnectionStringComesFromAKeyTheExampleSecretDefines()
    {
        var reference = Env("ConnectionStrings__Redis")?.Map("valueFrom", "secretKeyRef");

        Assert.NotNull(reference);
        var secret = Assert.Single(ExampleSecrets, s => s.Name == reference.Text("name"));
        Assert.Contains(reference.Text("key"), SecretKeys(secret));
    }

    internal static IReadOnlyCollection<string> SecretKeys(Manifest secret) =>
        [.. secret.Root.Strings("stringData").Keys.Concat(secret.Root.Strings("data").Keys)];
}
