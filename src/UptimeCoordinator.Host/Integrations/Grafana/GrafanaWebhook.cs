namespace UptimeCoordinator.Host.Integrations.Grafana;

/// <summary>
/// The body Grafana unified alerting's webhook contact point posts (<c>version</c> "1"). The
/// top-level <c>title</c>, <c>state</c> and <c>message</c> are deprecated by Grafana; the alerts carry the facts.
/// </summary>
public sealed record GrafanaWebhook(
    string? Version,
    string? Receiver,
    string? Status,
    string? State,
    string? Title,
    string? Message,
    string? GroupKey,
    int? TruncatedAlerts,
    long? OrgId,
    Dictionary<string, string>? GroupLabels,
    Dictionary<string, string>? CommonLabels,
    Dictionary<string, string>? CommonAnnotations,
    string? ExternalUrl,
    List<GrafanaAlert?>? Alerts);
