using System.Text.RegularExpressions;

namespace UptimeCoordinator.Host.Tests.Http;

/// <summary>
/// Sits in every test client and fails the test as soon as any error response (4xx or 5xx) leaks
/// internals: a stack trace, an exception type or a .NET namespace.
/// </summary>
public sealed partial class ErrorBodyGuard : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if ((int)response.StatusCode >= 400)
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            AssertNoInternals(await response.Content.ReadAsStringAsync(cancellationToken));
        }

        return response;
    }

    public static void AssertNoInternals(string body)
    {
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotMatch(Internals(), body);
    }

    [GeneratedRegex(@"\w*Exception\b|\bSystem\.|\bMicrosoft\.|\bOrleans\.|\bUptimeCoordinator\.|\.cs:line", RegexOptions.CultureInvariant)]
    private static partial Regex Internals();
}
