using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace UptimeCoordinator.Deployment.Tests.Kubernetes;

/// <summary>The manifests in <c>k8s/</c>, read as <c>kubectl apply -k k8s/</c> would take them.</summary>
internal static class KubernetesManifests
{
    public const string Folder = "k8s";
    public const string Namespace = "uptime";
    public const string ExampleSecretsFile = "secret.example.yaml";

    public static YamlMappingNode Kustomization => Single(Parse("kustomization.yaml")).Root;

    /// <summary>The files that the kustomization's <c>resources</c> lists, relative to <c>k8s/</c>.</summary>
    public static IReadOnlyList<string> ResourceFiles => Kustomization.Texts("resources");

    /// <summary>Every object that <c>kubectl apply -k k8s/</c> creates.</summary>
    public static IReadOnlyList<Manifest> Resources => [.. ResourceFiles.SelectMany(Parse)];

    public static IReadOnlyList<Manifest> ExampleSecrets => Parse(ExampleSecretsFile);

    public static Manifest Coordinator => One("Deployment");

    /// <summary>The coordinator's container: the Deployment's only one.</summary>
    public static YamlMappingNode Container => Single(Coordinator.PodSpec.Items("containers"));

    public static Manifest One(string kind, string? name = null)
    {
        var matches = Resources.Where(m => m.Kind == kind && (name is null || m.Name == name)).ToList();
        Assert.True(matches.Count == 1, $"Expected one {kind}{(name is null ? "" : $" named {name}")} among the kustomization's resources, found {matches.Count}.");
        return matches[0];
    }

    /// <summary>Every YAML document of one file in <c>k8s/</c>; empty documents (a trailing <c>---</c>) are skipped.</summary>
    public static IReadOnlyList<Manifest> Parse(string file)
    {
        var path = RepositoryFiles.PathOf(Path.Combine(Folder, file));
        Assert.True(File.Exists(path), $"{Folder}/{file} does not exist.");
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(new MergingParser(new Parser(reader)));
        }

        return [.. stream.Documents
            .Select(d => d.RootNode)
            .Where(root => root is not YamlScalarNode { Value: null or "" })
            .Select(root => new Manifest(file, root as YamlMappingNode ?? throw new InvalidOperationException($"A document in {Folder}/{file} is not a mapping.")))];
    }

    /// <summary>The value of the coordinator's environment variable, or null where it is unset or comes from elsewhere.</summary>
    public static string? EnvValue(string name) => Env(name)?.TextOrNull("value");

    public static YamlMappingNode? Env(string name) =>
        Container.Items("env").SingleOrDefault(e => e.TextOrNull("name") == name);

    /// <summary>True where every label of <paramref name="selector"/> is on <paramref name="labels"/> (and the selector selects something).</summary>
    public static bool Selects(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels) =>
        selector.Count > 0 && selector.All(s => labels.TryGetValue(s.Key, out var value) && value == s.Value);

    /// <summary>The container port a probe or Service names, by name or number; null where the container declares none.</summary>
    public static int? DeclaredPort(YamlMappingNode container, string nameOrNumber) =>
        container.Items("ports")
            .Where(p => p.TextOrNull("name") == nameOrNumber || p.TextOrNull("containerPort") == nameOrNumber)
            .Select(p => (int?)p.Integer("containerPort"))
            .FirstOrDefault();

    private static T Single<T>(IReadOnlyList<T> items)
    {
        Assert.True(items.Count == 1, $"Expected exactly one, found {items.Count}.");
        return items[0];
    }
}
