using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using UptimeCoordinator.Host.Tests.Infrastructure;

namespace UptimeCoordinator.Host.Tests.Redis;

/// <summary>
/// A private <c>redis-server</c> on a free loopback port with its data (AOF on, RDB snapshots off) in
/// a temporary directory. Dispose kills it and deletes the directory.
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    public const string Executable = "redis-server";

    private readonly ChildProcess _process;

    private RedisServer(ChildProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string DataDirectory => _process.Directory;

    /// <summary>The StackExchange.Redis configuration string the host takes as <c>ConnectionStrings:Redis</c>.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public ProcessLog Log => _process.Log;

    /// <summary>
    /// The path of <c>redis-server</c>. When it is not installed the test fails under CI
    /// (<c>CI=true</c>), where <c>.ci/run</c> installs it, and is skipped elsewhere.
    /// </summary>
    public static string RequireExecutable() =>
        RequireExecutable(Environment.GetEnvironmentVariable("PATH"), Environment.GetEnvironmentVariable("CI"));

    /// <summary><see cref="RequireExecutable()"/> for a given <c>PATH</c> and <c>CI</c> value.</summary>
    public static string RequireExecutable(string? pathVariable, string? ciVariable) =>
        ExternalProgram.RequireOnPath(Executable, "the Redis cluster test", pathVariable, ciVariable);

    public static async Task<RedisServer> StartAsync(string executable, TimeSpan timeout)
    {
        var port = FreePorts.Next();
        var dataDirectory = Directory.CreateTempSubdirectory("uc-redis-test-").FullName;
        var process = ChildProcess.Start(
            executable,
            [
                "--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes",
                "--dir", dataDirectory, "--daemonize", "no", "--protected-mode", "yes",
            ],
            dataDirectory,
            new ProcessLog($"redis-server on port {port}"));
        var server = new RedisServer(process, port);
        try
        {
            await server.WaitUntilAnsweringAsync(timeout);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private async Task WaitUntilAnsweringAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with code {_process.ExitCode} before answering.\n{Log}");
            }

            if (await PingsAsync())
            {
                return;
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"redis-server did not answer PING on port {Port} within {timeout.TotalSeconds:0} s.\n{Log}");
            }

            await Task.Delay(50);
        }
    }

    private async Task<bool> PingsAsync()
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync("127.0.0.1", Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }
}
