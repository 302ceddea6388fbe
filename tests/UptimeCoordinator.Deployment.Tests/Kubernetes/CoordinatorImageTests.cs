using System.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using static UptimeCoordinator.Deployment.Tests.Kubernetes.KubernetesManifests;

namespace UptimeCoordinator.Deployment.Tests.Kubernetes;

/// <summary>The image the Deployment runs is the one the Dockerfile builds and docker-compose.yml runs, and kustomize renders it.</summary>
public sealed class CoordinatorImageTests
{
    private const string Image = "uptime-coordinator:latest";

    private static string ImageName => Image.Split(':')[0];

    [Fact]
    public void DeploymentRunsTheImageTheRepositoryBuilds()
    {
        var pin = Assert.Single(Kustomization.Items("images"), i => i.TextOrNull("name") == ImageName);

        Assert.Equal(Image, Container.Text("image"));
        Assert.Equal(Image, $"{pin.TextOrNull("newName") ?? ImageName}:{pin.TextOrNull("newTag") ?? "latest"}");
        // A local image is in no registry: "latest" alone would make the kubelet always pull.
        Assert.Equal("IfNotPresent", Container.Text("imagePullPolicy"));
    }

    [SkippableFact]
    public void ComposeRunsTheSameImageAsTheDeployment()
    {
        var compose = RepositoryFiles.PathOf("docker-compose.yml");
        if (!File.Exists(compose))
        {
            Assert.False(RunsUnderCi, "docker-compose.yml does not exist, and CI=true: the Deployment's image cannot be checked against it.");
            throw new SkipException("docker-compose.yml does not exist yet; skipped because CI is not set.");
        }

        // The silos take their image from a shared x- block through a YAML merge key (<<: *silo).
        var stream = new YamlStream();
        using (var reader = new StreamReader(compose))
        {
            stream.Load(new MergingParser(new Parser(reader)));
        }

        var images = stream.Documents[0].RootNode.Map("services").Children.Values
            .Select(service => service.TextOrNull("image"))
            .OfType<string>()
            .Where(image => image.StartsWith(ImageName, StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(images);
        Assert.All(images, image => Assert.Equal(Container.Text("image"), image));
    }

    [SkippableFact]
    public void KustomizeRendersEveryResourceIntoTheUptimeNamespace()
    {
        // Not installed by .ci/run: Debian's kubectl (kubernetes-client 1.20) predates the kustomize this needs,
        // so this runs only where a current kubectl is on PATH. The tests above read the same files without it.
        var kubectl = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "kubectl"))
            .FirstOrDefault(File.Exists);
        Skip.If(kubectl is null, "kubectl is not on PATH.");

        var rendered = new YamlStream();
        rendered.Load(new StringReader(Kustomize(kubectl!)));
        var objects = rendered.Documents.Select(d => new Manifest("kubectl kustomize", (YamlMappingNode)d.RootNode)).ToList();

        Assert.Equal(
            Resources.Select(m => $"{m.Kind}/{m.Name}").Order(StringComparer.Ordinal),
            objects.Select(m => $"{m.Kind}/{m.Name}").Order(StringComparer.Ordinal));
        Assert.All(objects.Where(m => m.Kind != "Namespace"), m => Assert.Equal(Namespace, m.Namespace));
        var deployment = Assert.Single(objects, m => m.Kind == "Deployment");
        Assert.Equal(Image, Assert.Single(deployment.PodSpec.Items("containers")).Text("image"));
    }

    private static bool RunsUnderCi =>
        Environment.GetEnvironmentVariable("CI") is { } ci && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    private static string Kustomize(string kubectl)
    {
        var start = new ProcessStartInfo(kubectl, ["kustomize", RepositoryFiles.PathOf(Folder)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "kubectl kustomize did not finish within a minute.");
        Assert.True(process.ExitCode == 0, $"kubectl kustomize failed: {error.Result}");
        return output.Result;
    }
}
