using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using UptimeCoordinator.Host.Tests.Infrastructure;

namespace UptimeCoordinator.Web.Tests.Infrastructure;

/// <summary>
/// The real host (API, pages and co-hosted silo, in memory) listening with Kestrel on a free loopback
/// port, so that a real browser can reach it. Each instance gets free silo and gateway ports and its
/// own cluster id, and the keys in <see cref="WebKeys"/>.
/// </summary>
public sealed class WebHostApp : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string> settings;

    public WebHostApp(IReadOnlyDictionary<string, string>? settings = null)
    {
        this.settings = settings ?? new Dictionary<string, string>();
        Port = FreePorts.Next();
        BaseUrl = new Uri($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}");
        UseKestrel(options => options.Listen(IPAddress.Loopback, Port));
    }

    public int Port { get; }

    /// <summary>Where the browser and the API helpers reach the host; the pages' cookies belong to this origin.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The absolute URL of <paramref name="pathAndQuery"/> on this host.</summary>
    public string Url(string pathAndQuery) => new Uri(BaseUrl, pathAndQuery).ToString();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var (siloPort, gatewayPort) = (FreePorts.Next(), FreePorts.Next());
        builder.UseEnvironment("Development");
        builder.UseSetting("Orleans:SiloPort", siloPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", gatewayPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:ClusterId", $"web-tests-{Guid.NewGuid():N}");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Notifications:PublicBaseUrl", BaseUrl.ToString().TrimEnd('/'));
        foreach (var (key, role) in WebKeys.All())
        {
            builder.UseSetting($"Auth:ApiKeys:{key}", role);
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
