using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using UptimeCoordinator.Host.Tests.Infrastructure;
using UptimeCoordinator.Host.Tests.Redis;

namespace UptimeCoordinator.Host.Tests.Integrations.Alertmanager;

/// <summary>
/// A private Debian <c>prometheus-alertmanager</c> (0.25) on a free loopback port, gossip off, with
/// one webhook receiver that sends every notification, and resolutions, to us at once. Its config
/// and storage live in a temporary directory; dispose kills it and deletes the directory.
/// </summary>
internal sealed class AlertmanagerProcess : IAsyncDisposable
{
    public const string Executable = "prometheus-alertmanager";

    private readonly Process _process;

    private AlertmanagerProcess(Process process, ProcessLog log, int port, string directory)
    {
        _process = process;
        Log = log;
        WorkDirectory = directory;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public ProcessLog Log { get; }

    public string WorkDirectory { get; }

    /// <summary>Talks to Alertmanager's own API.</summary>
    public HttpClient Client { get; }

    /// <summary>
    /// The path of <c>prometheus-alertmanager</c>. When it is not installed the test fails under CI
    /// (<c>CI=true</c>), where <c>.ci/run</c> installs it, and is skipped elsewhere.
    /// </summary>
    public static string RequireExecutable()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, Executable))
            .FirstOrDefault(File.Exists);
        if (path is not null)
        {
            return path;
        }

        if (Environment.GetEnvironmentVariable("CI") is { } ci && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1"))
        {
            Assert.Fail($"{Executable} is not on PATH, and CI=true, so the Alertmanager end-to-end test may not be skipped. " +
                        $"Install it (apt-get install -y {Executable}, as .ci/run does) or put it on PATH.");
        }

        throw new SkipException($"{Executable} is not on PATH (apt-get install -y {Executable} installs it); skipped because CI is not set.");
    }

    /// <summary>Starts Alertmanager with a webhook receiver to <paramref name="webhook"/> and waits until <c>/-/ready</c>.</summary>
    public static async Task<AlertmanagerProcess> StartAsync(string executable, Uri webhook, string bearerKey, TimeSpan timeout)
    {
        var port = FreePorts.Next();
        var directory = Directory.CreateTempSubdirectory("uc-alertmanager-test-").FullName;
        var config = Path.Combine(directory, "alertmanager.yml");
        await File.WriteAllTextAsync(config, Config(webhook, bearerKey));
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = directory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
                 {
                     $"--config.file={config}",
                     $"--storage.path={Path.Combine(directory, "data")}",
                     $"--web.listen-address=127.0.0.1:{port}",
                     "--cluster.listen-address=",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var log = new ProcessLog($"{Executable} on port {port}, webhook {webhook}");
        var process = new Process { StartInfo = start };
        log.Attach(process);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var alertmanager = new AlertmanagerProcess(process, log, port, directory);
        try
        {
            await alertmanager.WaitUntilReadyAsync(timeout);
            return alertmanager;
        }
        catch
        {
            await alertmanager.DisposeAsync();
            throw;
        }
    }

    /// <summary>Posts alerts to <c>/api/v2/alerts</c> as Prometheus does; one with <c>endsAt</c> in the past resolves.</summary>
    public async Task PostAlertsAsync(params object[] alerts)
    {
        using var response = await Client.PostAsJsonAsync("api/v2/alerts", alerts);
        Assert.True(response.IsSuccessStatusCode, $"POST /api/v2/alerts: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}\n{Log}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            // Already gone, or it would not die in time; nothing more to do from here.
        }
        finally
        {
            Client.Dispose();
            _process.Dispose();
            try
            {
                Directory.Delete(WorkDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temporary directory left behind is harmless.
            }
        }
    }

    // The CHECKED.md recipe: no grouping delay and a 1 s group interval, so a resolution follows within about a second.
    private static string Config(Uri webhook, string bearerKey) => $"""
        route:
          receiver: uc
          group_by: ['alertname', 'service']
          group_wait: 0s
          group_interval: 1s
          repeat_interval: 1h
        receivers:
          - name: uc
            webhook_configs:
              - url: {webhook}
                send_resolved: true
                http_config:
                  authorization:
                    type: Bearer
                    credentials: {bearerKey}
        """;

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var last = "no answer yet";
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Executable} exited with code {_process.ExitCode} before it was ready.\n{Log}");
            }

            try
            {
                using var response = await Client.GetAsync("-/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Log.Note($"ready after {clock.Elapsed.TotalSeconds:0.0} s");
                    return;
                }

                last = $"{(int)response.StatusCode}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                last = ex.Message;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{Executable} was not ready within {timeout.TotalSeconds:0} s; last /-/ready: {last}\n{Log}");
    }
}
