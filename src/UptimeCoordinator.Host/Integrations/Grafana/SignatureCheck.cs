namespace UptimeCoordinator.Host.Integrations.Grafana;

/// <summary>The outcome of checking a webhook's HMAC signature.</summary>
public enum SignatureCheck
{
    Valid,
    Missing,
    Invalid,
    Expired,
}
