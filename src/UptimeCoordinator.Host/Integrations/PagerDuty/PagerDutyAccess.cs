namespace UptimeCoordinator.Host.Integrations.PagerDuty;

/// <summary>What the caller of the PagerDuty endpoint may do.</summary>
public enum PagerDutyAccess
{
    Allowed,
    Unauthorized,
    Forbidden,
}
