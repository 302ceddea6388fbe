using System.Net;
using System.Net.Sockets;

namespace UptimeCoordinator.LoadTest.Processes;

/// <summary>Loopback ports nobody listens on, for the processes this tool starts.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
