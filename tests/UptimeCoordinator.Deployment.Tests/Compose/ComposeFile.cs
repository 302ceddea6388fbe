namespace UptimeCoordinator.Deployment.Tests.Compose;

/// <summary><c>docker-compose.yml</c> at the repository root, as written.</summary>
internal sealed class ComposeFile
{
    public const string RelativePath = "docker-compose.yml";

    private ComposeFile(IReadOnlyDictionary<string, object?> root) => Root = root;

    public IReadOnlyDictionary<string, object?> Root { get; }

    public IReadOnlyList<ComposeService> Services =>
        [.. YamlTree.Map(Root.Get("services")).Select(entry => new ComposeService(entry.Key, YamlTree.Map(entry.Value)))];

    /// <summary>The coordinator's hosts: the services that join an Orleans cluster.</summary>
    public IReadOnlyList<ComposeService> Silos => [.. Services.Where(s => s.Environment.ContainsKey("Orleans__ClusterId"))];

    public IReadOnlyDictionary<string, object?> Networks => YamlTree.Map(Root.Get("networks"));

    public IReadOnlyDictionary<string, object?> Volumes => YamlTree.Map(Root.Get("volumes"));

    public static ComposeFile Load() => new(YamlTree.Load(RepositoryFiles.Read(RelativePath)));

    public ComposeService Service(string name) =>
        Services.SingleOrDefault(s => s.Name == name) ?? throw new InvalidOperationException($"{RelativePath} has no service '{name}'.");
}
