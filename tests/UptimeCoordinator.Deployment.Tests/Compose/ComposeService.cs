namespace UptimeCoordinator.Deployment.Tests.Compose;

/// <summary>One service of <c>docker-compose.yml</c>, as written (before <c>${…}</c> interpolation).</summary>
internal sealed record ComposeService(string Name, IReadOnlyDictionary<string, object?> Definition)
{
    public string? Image => YamlTree.Text(Definition.Get("image"));

    /// <summary>The build context, from <c>build: .</c> or <c>build: { context: . }</c>; null when the service builds nothing.</summary>
    public string? BuildContext => Definition.Get("build") switch
    {
        null => null,
        string context => context,
        var build => YamlTree.Text(YamlTree.Map(build).Get("context")),
    };

    /// <summary>Variables from the list form (<c>- KEY=value</c>) or the map form (<c>KEY: value</c>).</summary>
    public IReadOnlyDictionary<string, string> Environment => Definition.Get("environment") switch
    {
        IDictionary<object, object?> map => YamlTree.Map(map).ToDictionary(e => e.Key, e => YamlTree.Text(e.Value) ?? "", StringComparer.Ordinal),
        var list => YamlTree.List(list)
            .Select(item => (YamlTree.Text(item) ?? "").Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : "", StringComparer.Ordinal),
    };

    public IReadOnlyList<string> Ports => [.. YamlTree.List(Definition.Get("ports")).Select(p => YamlTree.Text(p) ?? "")];

    public IReadOnlyList<string> Volumes => [.. YamlTree.List(Definition.Get("volumes")).Select(v => YamlTree.Text(v) ?? "")];

    public IReadOnlyList<string> Command => YamlTree.Words(Definition.Get("command"));

    /// <summary>The healthcheck's test as its words (<c>CMD</c>, the program, its arguments); empty without one.</summary>
    public IReadOnlyList<string> HealthcheckTest => YamlTree.Words(YamlTree.Map(Definition.Get("healthcheck")).Get("test"));

    /// <summary>Each service this one waits for, with its condition (null in the short list form).</summary>
    public IReadOnlyDictionary<string, string?> DependsOn => Definition.Get("depends_on") switch
    {
        IDictionary<object, object?> map => YamlTree.Map(map).ToDictionary(
            e => e.Key, e => YamlTree.Text(YamlTree.Map(e.Value).Get("condition")), StringComparer.Ordinal),
        var list => YamlTree.List(list).ToDictionary(item => YamlTree.Text(item) ?? "", _ => (string?)null, StringComparer.Ordinal),
    };

    /// <summary>The fixed address on <paramref name="network"/>, if the service has one.</summary>
    public string? Ipv4Address(string network) =>
        YamlTree.Text(YamlTree.Map(YamlTree.Map(Definition.Get("networks")).Get(network)).Get("ipv4_address"));
}
