using YamlDotNet.RepresentationModel;

namespace UptimeCoordinator.Deployment.Tests.Kubernetes;

/// <summary>One Kubernetes object: one YAML document of a file in <c>k8s/</c>.</summary>
internal sealed record Manifest(string File, YamlMappingNode Root)
{
    public string? ApiVersion => Root.TextOrNull("apiVersion");

    public string? Kind => Root.TextOrNull("kind");

    public string? Name => Root.TextOrNull("metadata", "name");

    public string? Namespace => Root.TextOrNull("metadata", "namespace");

    public IReadOnlyDictionary<string, string> Labels => Root.Strings("metadata", "labels");

    /// <summary>The pod template's spec of a Deployment or StatefulSet.</summary>
    public YamlMappingNode PodSpec => Root.Map("spec", "template", "spec");

    public IReadOnlyDictionary<string, string> PodLabels => Root.Strings("spec", "template", "metadata", "labels");

    public override string ToString() => $"{Kind}/{Name} in {File}";
}
