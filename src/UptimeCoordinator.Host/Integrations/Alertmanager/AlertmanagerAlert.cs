using System.Text.Json.Serialization;

namespace UptimeCoordinator.Host.Integrations.Alertmanager;

/// <summary>
/// One alert of an Alertmanager notification. A firing alert's <c>endsAt</c> is Go's zero time
/// (<c>0001-01-01T00:00:00Z</c>); <c>fingerprint</c> is a hash of the label set, stable for the
/// alert's whole life.
/// </summary>
public sealed record AlertmanagerAlert(
    string? Status,
    IReadOnlyDictionary<string, string?>? Labels,
    IReadOnlyDictionary<string, string?>? Annotations,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    [property: JsonPropertyName("generatorURL")] string? GeneratorUrl,
    string? Fingerprint)
{
    public const string Firing = "firing";
    public const string Resolved = "resolved";
}
