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
    private readonly Process _process;
    private readonly ProcessLog _log;

    private RedisServer(Process process, ProcessLog log, int port, string dataDirectory)
    {
        _process = process;
        _log = log;
        Port = port;
        DataDirectory = dataDirectory;
    }

    public int Port { get; }

    public string DataDirectory { get; }

    /// <summary>The StackExchange.Redis configuration string the host takes as <c>ConnectionStrings:Redis</c>.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public ProcessLog Log => _log;

    /// <summary>
    /// The path of <c>redis-server</c>. When it is not installed the test fails under CI
    /// (<c>CI=true</c>), where <c>.ci/run</c> installs it, and is skipped elsewhere.
    /// </summary>
    public static string RequireExecutable() =>
        RequireExecutable(Environment.GetEnvironmentVariable("PATH"), Environment.GetEnvironmentVariable("CI"));

    /// <summary><see cref="RequireExecutable()"/> for a given <c>PATH</c> and <c>CI</c> value.</summary>
    public static string RequireExecutable(string? pathVariable, string? ciVariable)
    {
        var path = (pathVariable ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "redis-server"))
            .FirstOrDefault(File.Exists);
        if (path is not null)
        {
            return path;
        }

        if (ciVariable is not null && (ciVariable.Equals("true", StringComparison.OrdinalIgnoreCase) || ciVariable == "1"))
        {
            Assert.Fail("redis-server is not on PATH, and CI=true, so the Redis cluster test may not be skipped. " +
                        "Install it (apt-get install -y redis-server, as .ci/run does) or put it on PATH.");
        }

        throw new SkipException("redis-server is not on PATH (apt-get install -y redis-server installs it); skipped because CI is not set.");
    }

    public static async Task<RedisServer> StartAsync(string executable, TimeSpan timeout)
    {
        var port = FreePorts.Next();
        var dataDirectory = Directory.CreateTempSubdirectory("uc-redis-test-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = dataDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
                 {
                     "--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes",
                     "--dir", dataDirectory, "--daemonize", "no", "--protected-mode", "yes",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var log = new ProcessLog($"redis-server on port {port}");
        var process = new Process { StartInfo = start };
        log.Attach(process);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(process, log, port, dataDirectory);
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
            _process.Dispose();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temporary directory left behind is harmless.
            }
        }
    }

    private async Task WaitUntilAnsweringAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with code {_process.ExitCode} before answering.\n{_log}");
            }

            if (await PingsAsync())
            {
                return;
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"redis-server did not answer PING on port {Port} within {timeout.TotalSeconds:0} s.\n{_log}");
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
