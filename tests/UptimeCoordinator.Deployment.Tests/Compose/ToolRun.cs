namespace UptimeCoordinator.Deployment.Tests.Compose;

/// <summary>How a tool's run ended.</summary>
internal sealed record ToolRun(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit code {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
