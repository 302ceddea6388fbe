using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using UptimeCoordinator.Host.Tests.Infrastructure;

namespace UptimeCoordinator.Host.Tests.Http;

/// <summary>
/// The real host, API and co-hosted silo, in memory. Every instance gets free silo and gateway ports
/// and its own cluster id, so that several can run side by side, plus the keys in <see cref="ApiKeys"/>.
/// </summary>
public sealed class CoordinatorApp(
    string environment = "Development",
    IReadOnlyDictionary<string, string>? settings = null,
    bool withTestKeys = true,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var (siloPort, gatewayPort) = (FreePorts.Next(), FreePorts.Next());
        builder.UseEnvironment(environment);
        builder.UseSetting("Orleans:SiloPort", siloPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", gatewayPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:ClusterId", $"http-tests-{Guid.NewGuid():N}");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");

        // Tests poll as fast as they like, as the benchmarks do; RateLimitingTests switch the limits on.
        foreach (var role in new[] { "Monitor", "Ops", "Client" })
        {
            builder.UseSetting($"RateLimiting:{role}PerSecond", "0");
        }

        if (withTestKeys)
        {
            builder.UseSetting($"Auth:ApiKeys:{ApiKeys.Ops}", "ops");
            builder.UseSetting($"Auth:ApiKeys:{ApiKeys.Monitor}", "monitor");
            builder.UseSetting($"Auth:ApiKeys:{ApiKeys.Client}", "client:acme");
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    /// <summary>
    /// A client for this app that authenticates with <paramref name="key"/> as a bearer token, or not
    /// at all, and fails the test on any error response that leaks internals.
    /// </summary>
    public HttpClient ClientWith(string? key)
    {
        var client = CreateDefaultClient(new ErrorBodyGuard());
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        }

        return client;
    }
}
