using System.Globalization;

namespace UptimeCoordinator.LoadTest.Processes;

/// <summary>
/// Debian's prometheus-alertmanager as its users run it for fast paging: <c>group_wait: 0s</c>, one
/// group per service, and a webhook receiver at this tool. Gossip is off (a single node).
/// </summary>
internal sealed class AlertmanagerProcess : IAsyncDisposable
{
    public const string Executable = "prometheus-alertmanager";

    private readonly ChildProcess _process;

    private AlertmanagerProcess(ChildProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public ChildProcess Process => _process;

    public static string Config(Uri webhook) => $"""
        route:
          receiver: loadtool
          group_by: ['service']
          group_wait: 0s
          group_interval: 1s
          repeat_interval: 4h
        receivers:
          - name: loadtool
            webhook_configs:
              - url: {webhook}
                send_resolved: false
        """;

    public static async Task<AlertmanagerProcess> StartAsync(string workDir, Uri webhook)
    {
        var port = FreePort.Next();
        var dir = Directory.CreateDirectory(Path.Combine(workDir, $"alertmanager-{port}")).FullName;
        var config = Path.Combine(dir, "alertmanager.yml");
        await File.WriteAllTextAsync(config, Config(webhook));
        var process = ChildProcess.Start(
            Executable,
            [
                $"--config.file={config}",
                $"--storage.path={Path.Combine(dir, "data")}",
                $"--web.listen-address=127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
                "--cluster.listen-address=",
                "--log.level=warn",
            ],
            Path.Combine(workDir, $"alertmanager-{port}.log"));
        var manager = new AlertmanagerProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var probe = new HttpClient { BaseAddress = manager.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        await Readiness.WaitAsync(process, async () => (await probe.GetAsync("/-/ready")).IsSuccessStatusCode, "Alertmanager", TimeSpan.FromSeconds(30));
        return manager;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
