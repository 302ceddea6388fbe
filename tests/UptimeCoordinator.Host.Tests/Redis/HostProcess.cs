using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using UptimeCoordinator.Host.Tests.Infrastructure;

namespace UptimeCoordinator.Host.Tests.Redis;

/// <summary>What every host of one test shares: the Redis it clusters through, its identity and the ops key.</summary>
internal sealed record HostSettings(string RedisConnectionString, string ClusterId, string ServiceId, string OpsApiKey)
{
    /// <summary>More configuration, as environment variables (<c>Section__Key</c>).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// The real host, <c>dotnet UptimeCoordinator.Host.dll</c>, as a separate OS process on free loopback
/// ports, in Production with a Redis connection string. Its output is captured for failure messages;
/// dispose kills the process tree.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private const string HostAssembly = "UptimeCoordinator.Host.dll";

    private readonly Process _process;

    private HostProcess(string name, Process process, ProcessLog log, int httpPort, int siloPort, int gatewayPort, string apiKey)
    {
        Name = name;
        _process = process;
        Log = log;
        HttpPort = httpPort;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/"), Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
    }

    public string Name { get; }

    public int HttpPort { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    /// <summary>Calls this host with the ops key.</summary>
    public HttpClient Client { get; }

    public ProcessLog Log { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the process without waiting for it; see <see cref="WaitUntilReadyAsync"/>.</summary>
    public static HostProcess Start(string name, HostSettings settings)
    {
        var hostDirectory = HostDirectory.Value;
        var (httpPort, siloPort, gatewayPort) = (FreePorts.Next(), FreePorts.Next(), FreePorts.Next());
        var start = new ProcessStartInfo(DotnetMuxer())
        {
            WorkingDirectory = hostDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
                 {
                     Path.Combine(hostDirectory, HostAssembly),
                     "--urls", $"http://127.0.0.1:{httpPort}",
                     "--contentRoot", hostDirectory,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        // Configuration comes only from here and the host's appsettings.json, not from whatever the test runner inherited.
        foreach (var key in start.Environment.Keys.Where(IsInheritedConfiguration).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Redis"] = settings.RedisConnectionString;
        start.Environment["Orleans__ClusterId"] = settings.ClusterId;
        start.Environment["Orleans__ServiceId"] = settings.ServiceId;
        start.Environment["Orleans__SiloPort"] = $"{siloPort}";
        start.Environment["Orleans__GatewayPort"] = $"{gatewayPort}";
        start.Environment[$"Auth__ApiKeys__{settings.OpsApiKey}"] = "ops";
        foreach (var (key, value) in settings.Environment)
        {
            start.Environment[key] = value;
        }

        var log = new ProcessLog($"host {name}: http {httpPort}, silo {siloPort}, gateway {gatewayPort}, cluster {settings.ClusterId}");
        var process = new Process { StartInfo = start };
        log.Attach(process);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new HostProcess(name, process, log, httpPort, siloPort, gatewayPort, settings.OpsApiKey);
    }

    /// <summary>Waits until <c>GET /readyz</c> answers 200: the silo is active and grain storage answers.</summary>
    public async Task<TimeSpan> WaitUntilReadyAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        using var probe = new HttpClient { BaseAddress = Client.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var last = "no answer yet";
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Host {Name} exited with code {_process.ExitCode} before it was ready.\n{Log}");
            }

            try
            {
                using var response = await probe.GetAsync(new Uri("readyz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Log.Note($"ready after {clock.Elapsed.TotalSeconds:0.0} s");
                    return clock.Elapsed;
                }

                last = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                last = ex.Message;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Host {Name} was not ready within {timeout.TotalSeconds:0} s; last /readyz: {last}\n{Log}");
    }

    /// <summary>
    /// Sends <paramref name="body"/> as JSON, asserts the status and returns the JSON answer (default
    /// when there is none). Each exchange is noted in the host's log for failure messages.
    /// </summary>
    public async Task<JsonElement> SendJsonAsync(HttpMethod method, string path, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        var clock = Stopwatch.StartNew();
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Log.Note($"{method} /{path} -> {(int)response.StatusCode} in {clock.ElapsedMilliseconds} ms");
        Assert.True(response.StatusCode == expected,
            $"{method} /{path} on host {Name}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        if (text.Length == 0)
        {
            return default;
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Kills the process tree at once, as a crash would, and waits until its output is drained.</summary>
    public async Task KillAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                Log.Note("killing the process tree");
                _process.Kill(entireProcessTree: true);
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            Log.Note($"kill: {ex.Message}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Client.Dispose();
        _process.Dispose();
    }

    private static readonly Lazy<string> HostDirectory = new(FindHostDirectory);

    private static bool IsInheritedConfiguration(string key) =>
        key.Contains("__", StringComparison.Ordinal) ||
        key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) ||
        key.StartsWith("ORLEANS_", StringComparison.OrdinalIgnoreCase) ||
        key.StartsWith("POD_", StringComparison.OrdinalIgnoreCase) ||
        key is "DOTNET_ENVIRONMENT" or "DOTNET_URLS" or "DOTNET_HTTP_PORTS" or "DOTNET_HTTPS_PORTS";

    // The SDK tells child processes which muxer runs them; `dotnet test` itself runs under it.
    private static string DotnetMuxer()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        return Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }

    /// <summary>
    /// The directory holding a runnable host: the assembly with its <c>.runtimeconfig.json</c>,
    /// <c>.deps.json</c> and <c>appsettings.json</c>. The test project references the host, and
    /// Microsoft.AspNetCore.Mvc.Testing copies all of these into the test output, which is therefore
    /// always as fresh as the test. The host's own output directory (plain <c>bin/</c> or
    /// <c>--artifacts-path</c> layout) is the fallback.
    /// </summary>
    private static string FindHostDirectory()
    {
        var testDirectory = Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory);
        var candidates = new List<string> { testDirectory };
        for (var directory = new DirectoryInfo(testDirectory); directory?.Parent is { } parent; directory = parent)
        {
            if (directory.Name != "UptimeCoordinator.Host.Tests")
            {
                continue;
            }

            // tests/UptimeCoordinator.Host.Tests/bin/Debug/net10.0 -> src/UptimeCoordinator.Host/bin/Debug/net10.0;
            // <artifacts>/bin/UptimeCoordinator.Host.Tests/debug -> <artifacts>/bin/UptimeCoordinator.Host/debug.
            var tail = Path.GetRelativePath(directory.FullName, testDirectory);
            candidates.Add(Path.Combine(parent.FullName, "UptimeCoordinator.Host", tail));
            if (parent.Parent is { } root)
            {
                candidates.Add(Path.Combine(root.FullName, "src", "UptimeCoordinator.Host", tail));
            }

            break;
        }

        return candidates.FirstOrDefault(IsRunnableHost)
               ?? throw new InvalidOperationException(
                   $"Found no runnable {HostAssembly} (with .runtimeconfig.json, .deps.json and appsettings.json) in: {string.Join(", ", candidates)}");
    }

    private static bool IsRunnableHost(string directory) =>
        new[] { HostAssembly, "UptimeCoordinator.Host.runtimeconfig.json", "UptimeCoordinator.Host.deps.json", "appsettings.json" }
            .All(file => File.Exists(Path.Combine(directory, file)));
}
