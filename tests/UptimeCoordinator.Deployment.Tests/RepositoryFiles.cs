namespace UptimeCoordinator.Deployment.Tests;

/// <summary>Finds the repository's files from the test's output folder, so the tests read what is committed.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "UptimeCoordinator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (UptimeCoordinator.sln) is not above the test's folder.");
    }
}
