using System.Security.Claims;
using UptimeCoordinator.Contracts.Changes;
using UptimeCoordinator.Host.Auth;

namespace UptimeCoordinator.Host.Stream;

/// <summary>Which changes a caller may see on the live stream, by the role of its API key.</summary>
internal static class StreamAudience
{
    public static async Task<Func<ChangeEvent, bool>> ForAsync(ClaimsPrincipal user, IGrainFactory grains, TimeProvider time)
    {
        if (user.IsInRole(Roles.Ops))
        {
            return static _ => true;
        }

        if (user.FindFirstValue(Roles.ClientIdClaim) is not { } clientId)
        {
            return static _ => false;
        }

        var reach = await ClientReach.LoadAsync(clientId, grains, time);
        return change => AffectsClient(reach, change);
    }

    /// <summary>
    /// What a client key sees: its own notices, and the service, incident and maintenance changes on
    /// services it uses or depends on. Another client's notices never show, even about a shared service.
    /// </summary>
    private static bool AffectsClient(ClientReach reach, ChangeEvent change) => change switch
    {
        NoticeChanged notice => notice.ClientId == reach.ClientId,
        ServiceStatusChanged status => reach.Touches([status.ServiceId]),
        IncidentChanged incident => reach.Touches(incident.ServiceIds),
        MaintenanceChanged window => reach.Touches(window.ServiceIds),
        _ => false,
    };
}
