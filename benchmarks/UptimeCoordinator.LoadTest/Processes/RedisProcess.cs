using System.Globalization;
using System.Net.Sockets;

namespace UptimeCoordinator.LoadTest.Processes;

/// <summary>
/// A redis-server of our own on a free port, with the persistence the coordinator requires in
/// production (append-only file, fsync every second), so Redis mode is measured as it would run.
/// </summary>
internal sealed class RedisProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private RedisProcess(ChildProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public ChildProcess Process => _process;

    public static async Task<RedisProcess> StartAsync(string workDir)
    {
        var port = FreePort.Next();
        var dataDir = Directory.CreateDirectory(Path.Combine(workDir, $"redis-{port}")).FullName;
        var process = ChildProcess.Start(
            "redis-server",
            ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes", "--appendfsync", "everysec", "--dir", dataDir],
            Path.Combine(workDir, $"redis-{port}.log"));
        await Readiness.WaitAsync(process, () => PingAsync(port), "redis-server", TimeSpan.FromSeconds(20));
        return new RedisProcess(process, port);
    }

    private static async Task<bool> PingAsync(int port)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port);
        var stream = tcp.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray());
        var buffer = new byte[16];
        var read = await stream.ReadAsync(buffer);
        return read > 0 && buffer[0] == (byte)'+';
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
