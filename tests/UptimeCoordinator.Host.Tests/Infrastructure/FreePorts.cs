using System.Net;
using System.Net.Sockets;

namespace UptimeCoordinator.Host.Tests.Infrastructure;

/// <summary>Free loopback TCP ports, never the same one twice in this test run and never a well-known default.</summary>
internal static class FreePorts
{
    // Redis, the host's HTTP default and the Orleans silo and gateway defaults: other processes on this machine may own them.
    private static readonly HashSet<int> Reserved = [6379, 5080, 11111, 30000];
    private static readonly HashSet<int> Handed = [];
    private static readonly Lock Gate = new();

    public static int Next()
    {
        lock (Gate)
        {
            for (var attempt = 0; attempt < 100; attempt++)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                if (!Reserved.Contains(port) && Handed.Add(port))
                {
                    return port;
                }
            }

            throw new InvalidOperationException("Found no free loopback port in 100 attempts.");
        }
    }
}
