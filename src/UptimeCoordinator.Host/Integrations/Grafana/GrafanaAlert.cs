namespace UptimeCoordinator.Host.Integrations.Grafana;

/// <summary>
/// One alert instance in a Grafana webhook. <c>endsAt</c> is Go's zero time
/// (<c>0001-01-01T00:00:00Z</c>) while the alert fires; <c>fingerprint</c> identifies its label set.
/// </summary>
public sealed record GrafanaAlert(
    string? Status,
    IReadOnlyDictionary<string, string?>? Labels,
    Dictionary<string, string>? Annotations,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    Dictionary<string, double>? Values,
    string? Fingerprint,
    string? RuleUid,
    string? GeneratorUrl,
    string? SilenceUrl,
    string? ImageUrl);
