using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace UptimeCoordinator.Web.Tests.Infrastructure;

/// <summary>
/// What went wrong inside a page while a test drove it: uncaught script errors, console errors
/// (a CSP violation shows up there), answers of 400 and above and requests that failed or left this host. A test asserts
/// <see cref="AssertNone"/> at its end to catch a page that only looked right.
/// </summary>
public static class PageProblems
{
    private static readonly ConditionalWeakTable<IPage, ConcurrentQueue<string>> Seen = [];

    public static void Watch(IPage page)
    {
        var problems = Seen.GetValue(page, _ => new ConcurrentQueue<string>());
        page.PageError += (_, error) => problems.Enqueue($"script error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Enqueue($"console error: {message.Text}");
            }
        };
        page.Request += (_, request) =>
        {
            var url = new Uri(request.Url);
            if (url.Scheme is "http" or "https" && url.Host != "127.0.0.1")
            {
                problems.Enqueue($"request off this host: {request.Url}");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Enqueue($"answer with a status of {response.Status} ({response.StatusText}): {response.Request.Method} {response.Url}");
            }
        };
        page.RequestFailed += (_, request) =>
        {
            // The live stream is cut whenever the page closes or navigates; that is not a failure of the page.
            if (!request.Url.Contains("/api/v1/stream", StringComparison.Ordinal))
            {
                problems.Enqueue($"request failed: {request.Method} {request.Url} {request.Failure}");
            }
        };
    }

    public static IReadOnlyList<string> Of(IPage page) => Seen.TryGetValue(page, out var problems) ? [.. problems] : [];

    /// <summary>Fails when <paramref name="page"/> had any problem, except console lines containing one of <paramref name="expected"/>.</summary>
    public static void AssertNone(IPage page, params string[] expected)
    {
        var unexpected = Of(page).Where(p => !expected.Any(e => p.Contains(e, StringComparison.Ordinal))).ToList();
        Assert.True(unexpected.Count == 0, "the page had problems:\n" + string.Join("\n", unexpected));
    }
}
