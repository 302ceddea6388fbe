using UptimeCoordinator.Domain.Health;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Incidents;

/// <summary>
/// Decides what a service's status change means for incidents: open one, update it, resolve it,
/// or reopen the last one when the service fails again within the reopen window.
/// </summary>
public static class IncidentDecider
{
    public static ServiceTransition? Decide(
        string serviceId,
        StatusChange change,
        string? openIncidentId,
        RecentResolution? lastResolved,
        TimeSpan reopenWindow,
        string nonce)
    {
        var isOutage = change.To.ToSeverity() is not null;
        if (openIncidentId is not null)
        {
            var kind = isOutage ? ServiceTransitionKind.Update : ServiceTransitionKind.Resolve;
            return new(kind, openIncidentId, serviceId, change);
        }

        if (!isOutage)
        {
            return null;
        }

        if (lastResolved is not null && change.At - lastResolved.ResolvedAt <= reopenWindow)
        {
            return new(ServiceTransitionKind.Reopen, lastResolved.IncidentId, serviceId, change);
        }

        return new(ServiceTransitionKind.Open, NewIncidentId(serviceId, change, nonce), serviceId, change);
    }

    /// <summary>
    /// Readable (service and UTC start) and unique: the caller's random <paramref name="nonce"/> keeps
    /// apart two incidents of one service in the same second, or of a service deleted and created
    /// again that is sent old timestamps. The id is persisted with the hand-over, so retries reuse it.
    /// </summary>
    public static string NewIncidentId(string serviceId, StatusChange change, string nonce) =>
        $"{serviceId}-{change.At.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{nonce}";
}
