using System.Text.Json.Nodes;

namespace UptimeCoordinator.Deployment.Tests.Compose;

/// <summary>A Grafana dashboard in <c>dashboards/</c>, with its panels (rows' nested panels included) and their queries.</summary>
internal sealed record DashboardFile(string RelativePath, JsonObject Root)
{
    public const string Folder = "dashboards";

    /// <summary>Every <c>*.json</c> below <c>dashboards/</c>: what Grafana's file provider loads.</summary>
    public static IReadOnlyList<DashboardFile> All() =>
        [.. Directory.GetFiles(RepositoryFiles.PathOf(Folder), "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => new DashboardFile(
                Path.GetRelativePath(RepositoryFiles.Root, path).Replace('\\', '/'),
                JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                    ?? throw new InvalidOperationException($"{path} is not a JSON object.")))];

    /// <summary>The panels that show data: rows are containers, not panels.</summary>
    public IReadOnlyList<JsonObject> Panels => [.. Flatten(Root["panels"]).Where(p => (string?)p["type"] != "row")];

    /// <summary>Each query with the title of the panel it belongs to.</summary>
    public IEnumerable<(string Panel, JsonObject Target)> Targets =>
        Panels.SelectMany(panel => (panel["targets"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(target => ((string?)panel["title"] ?? "(untitled)", target)));

    private static IEnumerable<JsonObject> Flatten(JsonNode? panels) =>
        (panels as JsonArray ?? []).OfType<JsonObject>().SelectMany(panel => Flatten(panel["panels"]).Prepend(panel));
}
