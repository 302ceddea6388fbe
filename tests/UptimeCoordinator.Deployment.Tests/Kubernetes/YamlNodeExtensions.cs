using YamlDotNet.RepresentationModel;

namespace UptimeCoordinator.Deployment.Tests.Kubernetes;

/// <summary>Walks parsed YAML by key path; a missing or mistyped node fails with the path that was asked for.</summary>
internal static class YamlNodeExtensions
{
    /// <summary>The node at <paramref name="path"/>, or null where any step is missing.</summary>
    public static YamlNode? Find(this YamlNode node, params string[] path)
    {
        var current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    public static YamlMappingNode Map(this YamlNode node, params string[] path) =>
        node.Find(path) as YamlMappingNode ?? throw Missing("a mapping", path);

    /// <summary>The mappings of the sequence at <paramref name="path"/>; none when the sequence is absent.</summary>
    public static IReadOnlyList<YamlMappingNode> Items(this YamlNode node, params string[] path) => node.Find(path) switch
    {
        null => [],
        YamlSequenceNode sequence => [.. sequence.Children.Select(item => item as YamlMappingNode ?? throw Missing("a sequence of mappings", path))],
        _ => throw Missing("a sequence", path),
    };

    /// <summary>The scalars of the sequence at <paramref name="path"/>; none when the sequence is absent.</summary>
    public static IReadOnlyList<string> Texts(this YamlNode node, params string[] path) => node.Find(path) switch
    {
        null => [],
        YamlSequenceNode sequence => [.. sequence.Children.Select(item => (item as YamlScalarNode)?.Value ?? throw Missing("a sequence of scalars", path))],
        _ => throw Missing("a sequence", path),
    };

    public static string? TextOrNull(this YamlNode node, params string[] path) => (node.Find(path) as YamlScalarNode)?.Value;

    public static string Text(this YamlNode node, params string[] path) => node.TextOrNull(path) ?? throw Missing("a scalar", path);

    public static int Integer(this YamlNode node, params string[] path) =>
        int.TryParse(node.Text(path), out var value) ? value : throw Missing("an integer", path);

    /// <summary>A mapping of scalars, such as labels or a selector; empty when the mapping is absent.</summary>
    public static IReadOnlyDictionary<string, string> Strings(this YamlNode node, params string[] path) => node.Find(path) switch
    {
        null => new Dictionary<string, string>(),
        YamlMappingNode mapping => mapping.Children.ToDictionary(
            pair => ((YamlScalarNode)pair.Key).Value ?? "",
            pair => (pair.Value as YamlScalarNode)?.Value ?? throw Missing("a mapping of scalars", path),
            StringComparer.Ordinal),
        _ => throw Missing("a mapping", path),
    };

    private static InvalidOperationException Missing(string what, string[] path) =>
        new($"Expected {what} at '{string.Join('.', path)}'.");
}
