namespace UptimeCoordinator.Host.Tests.Infrastructure;

/// <summary>
/// Programs that tests start (<c>redis-server</c>, <c>prometheus-alertmanager</c>), found on <c>PATH</c>.
/// Where one is missing its test is skipped on a developer machine and fails under CI (<c>CI=true</c>),
/// where <c>.ci/run</c> installs it, so that CI never passes by skipping.
/// </summary>
internal static class ExternalProgram
{
    /// <summary>The path of <paramref name="executable"/>, which Debian's package of the same name installs.</summary>
    /// <param name="test">The test that needs it, as a phrase: "the Redis cluster test".</param>
    public static string RequireOnPath(string executable, string test) =>
        RequireOnPath(executable, test, Environment.GetEnvironmentVariable("PATH"), Environment.GetEnvironmentVariable("CI"));

    /// <summary><see cref="RequireOnPath(string, string)"/> for a given <c>PATH</c> and <c>CI</c> value.</summary>
    public static string RequireOnPath(string executable, string test, string? pathVariable, string? ciVariable)
    {
        var path = (pathVariable ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, executable))
            .FirstOrDefault(File.Exists);
        if (path is not null)
        {
            return path;
        }

        if (ciVariable is not null && (ciVariable.Equals("true", StringComparison.OrdinalIgnoreCase) || ciVariable == "1"))
        {
            Assert.Fail($"{executable} is not on PATH, and CI=true, so {test} may not be skipped. " +
                        $"Install it (apt-get install -y {executable}, as .ci/run does) or put it on PATH.");
        }

        throw new SkipException($"{executable} is not on PATH (apt-get install -y {executable} installs it); skipped because CI is not set.");
    }
}
