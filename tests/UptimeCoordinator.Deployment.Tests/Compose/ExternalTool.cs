using System.Diagnostics;

namespace UptimeCoordinator.Deployment.Tests.Compose;

/// <summary>
/// The real tools that validate deployment files (<c>docker-compose</c>, <c>promtool</c>), found on <c>PATH</c>.
/// Where one is missing its test is skipped on a developer machine and fails under CI (<c>CI=true</c>), so that
/// CI never passes by skipping.
/// </summary>
internal static class ExternalTool
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The path of <paramref name="executable"/>.</summary>
    /// <param name="package">The Debian package that installs it.</param>
    public static string RequireOnPath(string executable, string package)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, executable))
            .FirstOrDefault(File.Exists);
        if (path is not null)
        {
            return path;
        }

        if (Environment.GetEnvironmentVariable("CI") is { } ci && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1"))
        {
            Assert.Fail($"{executable} is not on PATH, and CI=true, so its test may not be skipped. Install it: apt-get install -y {package}.");
        }

        throw new SkipException($"{executable} is not on PATH (apt-get install -y {package} installs it); skipped because CI is not set.");
    }

    /// <summary>Runs <paramref name="path"/> in the repository root and waits for it to exit.</summary>
    /// <param name="environment">Variables to set, or to remove where the value is null.</param>
    public static async Task<ToolRun> RunAsync(string path, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(path)
        {
            WorkingDirectory = RepositoryFiles.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{path} did not start.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{path} {string.Join(' ', start.ArgumentList)} ran longer than {Timeout.TotalSeconds} s.");
        }

        return new ToolRun(process.ExitCode, await stdout, await stderr);
    }
}
