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
    /// The hook where "affects this client" plugs in. Clients exist, but which services a client
    /// reaches (directly or through dependencies) would need a grain call per event here, and the
    /// stream carries no notice events yet; until both are in place a client key sees only heartbeats.
    /// </summary>
    private static bool AffectsClient(string clientId, ChangeEvent change) => false;
}
