namespace UptimeCoordinator.Deployment.Tests.Compose;

/// <summary>
/// <c>docker-compose</c> 1.29 (Debian's package) validates the file without a Docker engine:
/// <c>config -q</c> exits 0, or 1 with the error.
/// </summary>
public sealed class ComposeToolTests
{
    private static readonly string[] ConfigQuiet = ["-f", ComposeFile.RelativePath, "config", "-q"];

    [SkippableFact]
    public async Task DockerComposeAcceptsTheFile()
    {
        var compose = ExternalTool.RequireOnPath("docker-compose", "docker-compose");

        var run = await ExternalTool.RunAsync(compose, ConfigQuiet, new Dictionary<string, string?> { ["OPS_API_KEY"] = "compose_test_ops_key" });

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [SkippableFact]
    public async Task DockerComposeRefusesTheFileWithoutAnOpsKey()
    {
        var compose = ExternalTool.RequireOnPath("docker-compose", "docker-compose");

        var run = await ExternalTool.RunAsync(compose, ConfigQuiet, new Dictionary<string, string?> { ["OPS_API_KEY"] = null });

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains("set OPS_API_KEY", run.Stderr, StringComparison.Ordinal);
    }
}
