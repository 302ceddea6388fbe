using UptimeCoordinator.Domain.Health;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Incidents;

/// <summary>
/// Decides what a service's status change means for incidents: open one, update it, resolve it,
/// reopen the last one when the service fails again within the reopen window, or confirm a
/// client's report of trouble on the service.
/// </summary>
public static class IncidentDecider
{
    public static ServiceTransition? Decide(
        string serviceId,
        StatusChange change,
        string? openIncidentId,
        string? suspectedIncidentId,
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

        // A client reported trouble here; monitoring now sees it, which confirms the report.
        if (suspectedIncidentId is not null)
        {
            return new(ServiceTransitionKind.Confirm, suspectedIncidentId, serviceId, change);
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
    public static string NewIncidentId(string serviceId, StatusChange change, string nonce) => NewIncidentId(serviceId, change.At, nonce);

    /// <summary>The same form for an incident ops declare or a client reports, named after its first service.</summary>
    public static string NewIncidentId(string serviceId, DateTimeOffset at, string nonce) =>
        $"{serviceId}-{at.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{nonce}";
}
