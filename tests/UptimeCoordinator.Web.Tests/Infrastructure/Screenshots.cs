using Microsoft.Playwright;

namespace UptimeCoordinator.Web.Tests.Infrastructure;

/// <summary>
/// The screenshots in docs/screenshots/, written only on request (<c>UC_SCREENSHOTS=1</c>) and never
/// in CI, so that a test run does not change the repository behind anyone's back.
/// </summary>
public static class Screenshots
{
    public static bool Requested =>
        Environment.GetEnvironmentVariable("UC_SCREENSHOTS") == "1" && !Chromium.InCi;

    /// <summary>Writes a full-page screenshot of <paramref name="page"/> to docs/screenshots/<paramref name="fileName"/> when requested; returns the path, or null when not written.</summary>
    public static async Task<string?> SaveAsync(IPage page, string fileName)
    {
        if (!Requested)
        {
            return null;
        }

        var path = Path.Combine(RepositoryRoot(), "docs", "screenshots", fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    private static string RepositoryRoot()
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
