using System.IO.Enumeration;

namespace UptimeCoordinator.Deployment.Tests.Compose;

/// <summary>
/// The Dockerfile read as instructions: no Docker engine runs here, so what a build would need is checked
/// against the repository's layout instead.
/// </summary>
public sealed class DockerfileTests
{
    private static readonly IReadOnlyList<DockerfileInstruction> Instructions = DockerfileInstruction.Parse(RepositoryFiles.Read("Dockerfile"));

    private static int FinalStage => Instructions.Max(i => i.Stage);

    private static IEnumerable<DockerfileInstruction> InFinalStage(string keyword) =>
        Instructions.Where(i => i.Stage == FinalStage && i.Keyword == keyword);

    [Fact]
    public void BuildsOnTheSdkAndRunsOnTheAspNetCoreRuntime()
    {
        var from = Instructions.Where(i => i.Keyword == "FROM").ToList();

        Assert.True(from.Count >= 2, "The Dockerfile has one stage: the SDK would ship in the image.");
        Assert.Equal(["mcr.microsoft.com/dotnet/sdk:10.0", "AS", "build"], from[0].Words);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", from[^1].Words[0]);
        Assert.Contains(Instructions, i => i.Stage == 0 && i.Keyword == "RUN"
            && i.Arguments.Contains("dotnet publish src/UptimeCoordinator.Host -c Release -o /app", StringComparison.Ordinal));
        Assert.Contains(InFinalStage("COPY"), i => i.Words is ["--from=build", "/app", _]);
    }

    [Fact]
    public void RestoreSeesEveryProjectAndTheFilesThatDecideIt()
    {
        var restore = Instructions.ToList().FindIndex(i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet restore", StringComparison.Ordinal));
        Assert.True(restore >= 0, "The build stage restores before it copies the code.");
        var copiedFirst = Instructions.Take(restore).Where(i => i.Keyword == "COPY").SelectMany(i => i.Words.SkipLast(1)).ToHashSet();

        // A project missing here fails the container's restore, which no test on this machine would notice.
        var projects = Directory.GetFiles(RepositoryFiles.PathOf("src"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(RepositoryFiles.Root, p).Replace('\\', '/'))
            .Where(p => !p.Contains("/bin/", StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal));
        foreach (var needed in projects.Concat(["global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig"]))
        {
            Assert.True(copiedFirst.Contains(needed), $"The Dockerfile copies {needed} only after `dotnet restore`, or not at all.");
        }
    }

    [Fact]
    public void TheImageRunsAsUser10001()
    {
        Assert.Equal("10001", InFinalStage("USER").Last().Arguments);
    }

    [Fact]
    public void TheImageListensOn8080AndExposesTheOrleansPorts()
    {
        Assert.Contains(InFinalStage("ENV"), i => i.Arguments == "ASPNETCORE_URLS=http://+:8080");
        var exposed = InFinalStage("EXPOSE").SelectMany(i => i.Words).ToHashSet();
        Assert.Superset(new HashSet<string> { "8080", "11111", "30000" }, exposed);
    }

    [Fact]
    public void TheImageChecksItsOwnHealthzOnItsHttpPort()
    {
        var healthcheck = Assert.Single(InFinalStage("HEALTHCHECK"));

        Assert.Contains("CMD", healthcheck.Words);
        Assert.Contains("/healthz", healthcheck.Arguments, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1/8080", healthcheck.Arguments, StringComparison.Ordinal);
    }

    [Fact]
    public void DockerignoreKeepsBuildOutputAndGitOutButNothingTheBuildCopies()
    {
        var patterns = RepositoryFiles.Read(".dockerignore").Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();
        Assert.Superset(new HashSet<string> { "**/bin", "**/obj", ".git" }, patterns.ToHashSet());

        var copied = Instructions.Where(i => i.Keyword == "COPY" && !i.Arguments.StartsWith("--from", StringComparison.Ordinal))
            .SelectMany(i => i.Words.SkipLast(1))
            .Select(source => source.TrimEnd('/'));
        foreach (var source in copied)
        {
            Assert.DoesNotContain(patterns, pattern => FileSystemName.MatchesSimpleExpression(pattern, source));
        }
    }
}
