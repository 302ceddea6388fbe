using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using UptimeCoordinator.Host.Tests.Infrastructure;

namespace UptimeCoordinator.Host.Tests.Redis;

/// <summary>
/// A private <c>redis-server</c> on a free loopback port with its data (AOF on, RDB snapshots off) in
/// a temporary directory. It can be killed as in a crash and started again on the same port and
/// data, to test what the AOF keeps. Dispose kills it and deletes the directory.
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    public const string Executable = "redis-server";

    /// <summary>Redis's own default: the AOF is fsynced once a second, so a crash may lose the last second.</summary>
    public const string FsyncEverySecond = "everysec";

    /// <summary>Every write is fsynced before Redis answers it: what the product requires.</summary>
    public const string FsyncAlways = "always";

    private readonly string _executable;
    private readonly string _appendFsync;
    private ChildProcess? _process;

    private RedisServer(string executable, int port, string dataDirectory, string appendFsync, ProcessLog log)
    {
        _executable = executable;
        _appendFsync = appendFsync;
        Port = port;
        DataDirectory = dataDirectory;
        Log = log;
        _process = Launch();
    }

    public int Port { get; }

    /// <summary>Where the AOF lives; it outlives a kill and goes with dispose.</summary>
    public string DataDirectory { get; }

    /// <summary>The StackExchange.Redis configuration string the host takes as <c>ConnectionStrings:Redis</c>.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>The output of every run of this server, restarts included.</summary>
    public ProcessLog Log { get; }

    /// <summary>
    /// The path of <c>redis-server</c>. When it is not installed the test fails under CI
    /// (<c>CI=true</c>), where <c>.ci/run</c> installs it, and is skipped elsewhere.
    /// </summary>
    public static string RequireExecutable() =>
        RequireExecutable(Environment.GetEnvironmentVariable("PATH"), Environment.GetEnvironmentVariable("CI"));

    /// <summary><see cref="RequireExecutable()"/> for a given <c>PATH</c> and <c>CI</c> value.</summary>
    public static string RequireExecutable(string? pathVariable, string? ciVariable) =>
        ExternalProgram.RequireOnPath(Executable, "the Redis cluster test", pathVariable, ciVariable);

    /// <param name="appendFsync">Redis's <c>appendfsync</c>: <see cref="FsyncEverySecond"/> or <see cref="FsyncAlways"/>.</param>
    public static async Task<RedisServer> StartAsync(string executable, TimeSpan timeout, string appendFsync = FsyncEverySecond)
    {
        var port = FreePorts.Next();
        var dataDirectory = Directory.CreateTempSubdirectory("uc-redis-test-").FullName;
        var server = new RedisServer(executable, port, dataDirectory, appendFsync,
            new ProcessLog($"redis-server on port {port}, appendfsync {appendFsync}"));
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

    /// <summary>SIGKILL, as a crash: Redis writes nothing more, and what is on disk is what a restart finds.</summary>
    public async Task KillAsync()
    {
        if (_process is { } running)
        {
            Log.Note("killing redis-server (SIGKILL)");
            _process = null;
            await running.DisposeAsync();
        }
    }

    /// <summary>
    /// Starts Redis again on the same port and data directory, after <see cref="KillAsync"/>, and
    /// waits until it has loaded the AOF and answers; returns how long that took.
    /// </summary>
    public async Task<TimeSpan> RestartAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        if (_process is not null)
        {
            throw new InvalidOperationException("redis-server is still running; kill it before restarting it.");
        }

        Log.Note("starting redis-server again on the same port and data directory");
        _process = Launch();
        await WaitUntilAnsweringAsync(timeout);
        Log.Note($"answering again after {clock.Elapsed.TotalSeconds:0.00} s");
        return clock.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temporary directory left behind is harmless.
        }
    }

    // Each run works in a scratch directory of its own, which ChildProcess deletes when the run ends;
    // Redis keeps its data under --dir, which survives the run.
    private ChildProcess Launch() => ChildProcess.Start(
        _executable,
        [
            "--port", $"{Port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes", "--appendfsync", _appendFsync,
            "--dir", DataDirectory, "--daemonize", "no", "--protected-mode", "yes",
        ],
        Directory.CreateTempSubdirectory("uc-redis-run-").FullName,
        Log);

    private async Task WaitUntilAnsweringAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        var last = "no answer yet";
        while (true)
        {
            if (_process is not { HasExited: false })
            {
                throw new InvalidOperationException($"redis-server exited with code {_process?.ExitCode} before answering.\n{Log}");
            }

            // While it loads the AOF, Redis answers every command, PING included, with -LOADING.
            last = await PingAsync() ?? last;
            if (last.StartsWith("+PONG", StringComparison.Ordinal))
            {
                return;
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"redis-server did not answer PING with PONG on port {Port} within {timeout.TotalSeconds:0} s; last answer: {last.TrimEnd()}\n{Log}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The first line Redis answers to PING, or null when it does not answer.</summary>
    private async Task<string?> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync("127.0.0.1", Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[256];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return read == 0 ? null : Encoding.ASCII.GetString(buffer, 0, read);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return null;
        }
    }
}
