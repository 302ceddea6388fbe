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
    /// What a client key sees: the notices addressed to its own client. Service and incident changes
    /// are not admitted yet: which services a client reaches (directly or through dependencies) would
    /// need a grain call per event here.
    /// </summary>
    private static bool AffectsClient(string clientId, ChangeEvent change) =>
        change is NoticeChanged notice && notice.ClientId == clientId;
}
