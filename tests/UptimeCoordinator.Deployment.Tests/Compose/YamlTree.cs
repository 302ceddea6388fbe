using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace UptimeCoordinator.Deployment.Tests.Compose;

/// <summary>
/// YAML read as plain maps, lists and strings, with merge keys (<c>&lt;&lt;: *silo</c>) resolved as Compose
/// resolves them. Files written in either the list or the map form of a key read the same through the accessors.
/// </summary>
internal static class YamlTree
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    /// <summary>The first document of <paramref name="yaml"/>.</summary>
    public static IReadOnlyDictionary<string, object?> Load(string yaml) =>
        Map(Deserializer.Deserialize<object?>(new MergingParser(new Parser(new StringReader(yaml)))));

    /// <summary>Every document of a multi-document file (<c>---</c>), such as a Kubernetes manifest.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, object?>> LoadAll(string yaml)
    {
        var parser = new MergingParser(new Parser(new StringReader(yaml)));
        parser.Consume<StreamStart>();
        var documents = new List<IReadOnlyDictionary<string, object?>>();
        while (parser.Accept<DocumentStart>(out _))
        {
            documents.Add(Map(Deserializer.Deserialize<object?>(parser)));
        }

        return documents;
    }

    /// <summary>A mapping, with its keys as text; empty when <paramref name="node"/> is missing or not a mapping.</summary>
    public static IReadOnlyDictionary<string, object?> Map(object? node) =>
        node is IDictionary<object, object?> map
            ? map.ToDictionary(entry => entry.Key.ToString() ?? "", entry => entry.Value, StringComparer.Ordinal)
            : new Dictionary<string, object?>();

    /// <summary>A sequence; empty when <paramref name="node"/> is missing or not a sequence.</summary>
    public static IReadOnlyList<object?> List(object? node) => node is IList<object?> list ? [.. list] : [];

    /// <summary>A scalar's text, or null.</summary>
    public static string? Text(object? node) => node as string;

    public static object? Get(this IReadOnlyDictionary<string, object?> map, string key) =>
        map.TryGetValue(key, out var value) ? value : null;

    /// <summary>A command or healthcheck test as its words, whether written as a list or as one string.</summary>
    public static IReadOnlyList<string> Words(object? node) => node switch
    {
        string text => text.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        _ => [.. List(node).Select(item => Text(item) ?? "")],
    };
}
