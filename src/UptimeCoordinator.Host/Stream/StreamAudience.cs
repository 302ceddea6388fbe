using System.Security.Claims;
using UptimeCoordinator.Contracts.Changes;
using UptimeCoordinator.Host.Auth;

namespace UptimeCoordinator.Host.Stream;

/// <summary>Which changes a caller may see on the live stream, by the role of its API key.</summary>
internal static class StreamAudience
{
    public static Func<ChangeEvent, bool> For(ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Ops))
        {
            return static _ => true;
        }

        return user.FindFirstValue(Roles.ClientIdClaim) is { } clientId
            ? change => AffectsClient(clientId, change)
            : static _ => false;
    }

    /// <summary>
    /// The hook where "affects this client" plugs in. Clients and their subscriptions do not exist yet,
    /// so no service or incident change is known to concern a client, and a client key sees only
    /// heartbeats. Once they exist, this admits status and incident changes of the services the
    /// client subscribes to (directly or through dependencies), and the notices and cost updates
    /// addressed to it; the subscribed services then need to be known here without a grain call per event.
    /// </summary>
    private static bool AffectsClient(string clientId, ChangeEvent change) => false;
}
