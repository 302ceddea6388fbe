namespace UptimeCoordinator.Host.Integrations.PagerDuty;

/// <summary>PagerDuty's <c>event_action</c>.</summary>
public enum PagerDutyAction
{
    Trigger,
    Acknowledge,
    Resolve,
}
