using System.Diagnostics;
using UptimeCoordinator.Host.Tests.Redis;

namespace UptimeCoordinator.Host.Tests.Infrastructure;

/// <summary>
/// A server process a test runs, its output captured in a <see cref="ProcessLog"/>, working in a temporary
/// directory that it owns. Dispose kills the process tree, waits for it, and deletes the directory.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ChildProcess(Process process, ProcessLog log, string directory)
    {
        _process = process;
        Log = log;
        Directory = directory;
    }

    public ProcessLog Log { get; }

    /// <summary>The working directory, deleted on dispose.</summary>
    public string Directory { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <paramref name="executable"/> in <paramref name="directory"/>, which it then owns.</summary>
    public static ChildProcess Start(string executable, IEnumerable<string> arguments, string directory, ProcessLog log)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = directory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        log.Attach(process);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildProcess(process, log, directory);
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
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temporary directory left behind is harmless.
            }
        }
    }
}
