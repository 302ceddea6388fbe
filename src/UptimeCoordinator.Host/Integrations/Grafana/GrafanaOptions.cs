namespace UptimeCoordinator.Host.Integrations.Grafana;

/// <summary>Configuration section <c>Integrations:Grafana</c>.</summary>
public sealed class GrafanaOptions
{
    public const string Section = "Integrations:Grafana";
    public const string DefaultSignatureHeader = "X-Grafana-Alerting-Signature";

    /// <summary>The contact point's HMAC secret. When set, every webhook must carry a valid signature.</summary>
    public string? Secret { get; set; }

    /// <summary>The header Grafana puts the signature in (the contact point's "Header").</summary>
    public string SignatureHeader { get; set; } = DefaultSignatureHeader;

    /// <summary>
    /// The contact point's "Timestamp header", if one is set there: Grafana then signs
    /// <c>timestamp:body</c>, and a timestamp more than <see cref="GrafanaSignature.MaxAge"/> old is refused.
    /// </summary>
    public string? TimestampHeader { get; set; }

    /// <summary>The alert label that names the service; <c>job</c>, then <c>instance</c>, when it is missing.</summary>
    public string ServiceLabel { get; set; } = "service";

    /// <summary>What is wrong with these settings, or null when nothing is.</summary>
    public string? Problem() =>
        string.IsNullOrWhiteSpace(ServiceLabel) ? $"{Section}:ServiceLabel must name an alert label, such as \"service\"."
        : !string.IsNullOrEmpty(Secret) && string.IsNullOrWhiteSpace(SignatureHeader) ? $"{Section}:SignatureHeader must name the header Grafana signs in when a Secret is set."
        : null;
}
