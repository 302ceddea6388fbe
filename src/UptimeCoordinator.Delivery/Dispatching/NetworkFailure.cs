using System.Net.Sockets;
using System.Security.Authentication;

namespace UptimeCoordinator.Delivery.Dispatching;

/// <summary>
/// Short, caller-readable text for a failure below the protocol (sockets, TLS, a dropped connection),
/// in place of exception messages that may run long or name more than the host.
/// </summary>
internal static class NetworkFailure
{
    /// <summary>The text for the innermost socket, TLS or I/O failure in the chain; null when there is none.</summary>
    public static string? Describe(Exception exception)
    {
        string? fallback = null;
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SocketException socket:
                    return Describe(socket.SocketErrorCode);
                case AuthenticationException:
                    fallback = "TLS handshake failed";
                    break;
                case IOException when fallback is null:
                    fallback = "connection lost";
                    break;
            }
        }

        return fallback;
    }

    private static string Describe(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host not found",
        SocketError.TimedOut => "connection timed out",
        SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown => "connection reset",
        SocketError.NetworkUnreachable or SocketError.NetworkDown => "network unreachable",
        SocketError.HostUnreachable or SocketError.HostDown => "host unreachable",
        _ => $"network error ({error})",
    };
}
