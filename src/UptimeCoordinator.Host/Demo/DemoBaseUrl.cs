using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace UptimeCoordinator.Host.Demo;

/// <summary>Where this host can be reached from itself and from a browser on the same machine.</summary>
internal static class DemoBaseUrl
{
    private const string Fallback = "http://localhost:5080";

    /// <summary>
    /// <c>Demo:BaseUrl</c>, else the first address the server listens on (a wildcard becomes
    /// <c>localhost</c>), else <c>Notifications:PublicBaseUrl</c>: an in-memory test server listens nowhere.
    /// </summary>
    public static Uri Resolve(DemoOptions options, IServer server, IConfiguration configuration)
    {
        if (options.BaseUrl is { } configured)
        {
            return configured;
        }

        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        var address = listening is null ? configuration["Notifications:PublicBaseUrl"] ?? Fallback : Unwild(listening);
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }

    private static string Unwild(string address)
    {
        foreach (var wildcard in new[] { "://0.0.0.0", "://[::]", "://+", "://*" })
        {
            if (address.Contains(wildcard, StringComparison.Ordinal))
            {
                return address.Replace(wildcard, "://localhost", StringComparison.Ordinal);
            }
        }

        return address;
    }
}
