using System.Globalization;
using System.Net.Http.Headers;

namespace UptimeCoordinator.LoadTest.Processes;

/// <summary>
/// The real host, started from its Release build as an operator would start it (Production, keys
/// from configuration), on free loopback ports, embedded or with Redis.
/// </summary>
internal sealed class CoordinatorProcess : IAsyncDisposable
{
    public const string OpsKey = "loadtest-ops-key";
    public const string MonitorKey = "loadtest-monitor-key";

    private readonly ChildProcess _process;

    private CoordinatorProcess(ChildProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public ChildProcess Process => _process;

    /// <summary>
    /// The settings every run uses: the benchmark's keys, webhooks to this machine's receiver allowed,
    /// rate limits off (they would cap what is measured), and warnings only in the log.
    /// </summary>
    public static Dictionary<string, string> BaseSettings(string? redis) => new()
    {
        [$"Auth:ApiKeys:{OpsKey}"] = "ops",
        [$"Auth:ApiKeys:{MonitorKey}"] = "monitor",
        ["Notifications:Webhooks:AllowPrivateNetworks"] = "true",
        ["RateLimiting:MonitorPerSecond"] = "0",
        ["RateLimiting:OpsPerSecond"] = "0",
        ["RateLimiting:ClientPerSecond"] = "0",
        ["Logging:LogLevel:Default"] = "Warning",
        ["ConnectionStrings:Redis"] = redis ?? "",
    };

    public static async Task<CoordinatorProcess> StartAsync(string hostDll, string workDir, string? redis, IReadOnlyDictionary<string, string> extraSettings)
    {
        var port = FreePort.Next();
        var settings = BaseSettings(redis);
        settings["Orleans:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        settings["Orleans:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        settings["Orleans:ClusterId"] = $"loadtest-{Guid.NewGuid():N}";
        foreach (var (key, value) in extraSettings)
        {
            settings[key] = value;
        }

        var arguments = new List<string> { hostDll, "--urls", $"http://127.0.0.1:{port}" };
        foreach (var (key, value) in settings.Where(s => s.Value.Length > 0))
        {
            arguments.Add($"--{key}={value}");
        }

        var process = ChildProcess.Start(
            "dotnet",
            arguments,
            Path.Combine(workDir, $"host-{(redis is null ? "embedded" : "redis")}-{port}.log"),
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["DOTNET_ENVIRONMENT"] = "Production" },
            // Its content root, where appsettings.json is.
            Path.GetDirectoryName(hostDll));
        var host = new CoordinatorProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var probe = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        await Readiness.WaitAsync(process, async () => (await probe.GetAsync("/readyz")).IsSuccessStatusCode, "the coordinator host", TimeSpan.FromSeconds(90));
        return host;
    }

    public HttpClient CreateClient(string key)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
