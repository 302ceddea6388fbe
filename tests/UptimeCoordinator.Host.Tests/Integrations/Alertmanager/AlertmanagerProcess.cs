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

    private readonly ChildProcess _process;

    private AlertmanagerProcess(ChildProcess process, int port)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public ProcessLog Log => _process.Log;

    public string WorkDirectory => _process.Directory;

    /// <summary>Talks to Alertmanager's own API.</summary>
    public HttpClient Client { get; }

    /// <summary>
    /// The path of <c>prometheus-alertmanager</c>. When it is not installed the test fails under CI
    /// (<c>CI=true</c>), where <c>.ci/run</c> installs it, and is skipped elsewhere.
    /// </summary>
    public static string RequireExecutable() => ExternalProgram.RequireOnPath(Executable, "the Alertmanager end-to-end test");

    /// <summary>Starts Alertmanager with a webhook receiver to <paramref name="webhook"/> and waits until <c>/-/ready</c>.</summary>
    public static async Task<AlertmanagerProcess> StartAsync(string executable, Uri webhook, string bearerKey, TimeSpan timeout)
    {
        var port = FreePorts.Next();
        var directory = Directory.CreateTempSubdirectory("uc-alertmanager-test-").FullName;
        var config = Path.Combine(directory, "alertmanager.yml");
        await File.WriteAllTextAsync(config, Config(webhook, bearerKey));
        var process = ChildProcess.Start(
            executable,
            [
                $"--config.file={config}",
                $"--storage.path={Path.Combine(directory, "data")}",
                $"--web.listen-address=127.0.0.1:{port}",
                "--cluster.listen-address=",
            ],
            directory,
            new ProcessLog($"{Executable} on port {port}, webhook {webhook}"));
        var alertmanager = new AlertmanagerProcess(process, port);
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
        Client.Dispose();
        await _process.DisposeAsync();
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
