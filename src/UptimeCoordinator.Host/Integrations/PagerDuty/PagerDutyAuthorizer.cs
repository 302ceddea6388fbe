using System.Security.Claims;
using UptimeCoordinator.Host.Auth;

namespace UptimeCoordinator.Host.Integrations.PagerDuty;

/// <summary>
/// PagerDuty senders authenticate with the <c>routing_key</c> in the body, so the endpoint accepts a
/// configured API key there as well as in the usual headers; either must carry the monitor or ops role.
/// </summary>
public static class PagerDutyAuthorizer
{
    public static PagerDutyAccess Authorize(ClaimsPrincipal user, string? routingKey, IReadOnlyDictionary<string, string> apiKeys)
    {
        if (user.IsInRole(Roles.Monitor) || user.IsInRole(Roles.Ops))
        {
            return PagerDutyAccess.Allowed;
        }

        var routingRole = routingKey is null ? null : apiKeys.GetValueOrDefault(routingKey);
        if (routingRole is Roles.Monitor or Roles.Ops)
        {
            return PagerDutyAccess.Allowed;
        }

        return routingRole is not null || user.Identity?.IsAuthenticated == true ? PagerDutyAccess.Forbidden : PagerDutyAccess.Unauthorized;
    }
}
