using Microsoft.Playwright;

namespace UptimeCoordinator.Web.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright without <c>playwright install</c>. Where it is missing a
/// test skips on a developer's machine and fails in CI (<c>CI=true</c>), so CI never passes by
/// running no browser test.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? playwright;
    private IBrowser? browser;

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The launched browser; skips or fails the calling test when there is none.</summary>
    public IBrowser Browser
    {
        get
        {
            Require();
            return browser ?? throw new InvalidOperationException("Chromium is installed but was not launched: call LaunchAsync first.");
        }
    }

    /// <summary>Skips the calling [SkippableFact] when Chromium is missing, or fails it in CI.</summary>
    public static void Require()
    {
        if (IsInstalled)
        {
            return;
        }

        Assert.False(InCi, $"CI=true but there is no browser at {ExecutablePath}: apt-get install -y chromium");
        Skip.If(true, $"No browser at {ExecutablePath}; apt-get install -y chromium to run the web tests.");
    }

    /// <summary>Launches the browser once when it is installed; does nothing otherwise, so that the tests themselves skip or fail.</summary>
    public async Task LaunchAsync()
    {
        if (!IsInstalled || browser is not null)
        {
            return;
        }

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
