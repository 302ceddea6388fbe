using System.Security.Claims;
using UptimeCoordinator.Host.Auth;

namespace UptimeCoordinator.Host.Clients;

/// <summary>Ops read every client; a client key reads only its own, and every other client is "not found" to it.</summary>
internal static class ClientAccess
{
    public static bool CanRead(ClaimsPrincipal user, string clientId) =>
        user.IsInRole(Roles.Ops) || user.FindFirstValue(Roles.ClientIdClaim) == clientId;
}
