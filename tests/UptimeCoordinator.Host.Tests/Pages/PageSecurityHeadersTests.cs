using System.Net;
using UptimeCoordinator.Host.Tests.Http;
using static UptimeCoordinator.Host.Tests.Pages.PageBrowser;

namespace UptimeCoordinator.Host.Tests.Pages;

/// <summary>Every page response, found or not, carries the headers that keep it from being framed, sniffed or given foreign scripts.</summary>
public sealed class PageSecurityHeadersTests(CoordinatorFixture fixture) : IClassFixture<CoordinatorFixture>
{
    public static TheoryData<string> PageResponses => new()
    {
        StatusPage("acme", ApiKeys.Client),
        StatusPage("acme", ApiKeys.Unknown),
        StatusPage("acme"),
        OpsPage(ApiKeys.Ops),
        OpsPage(),
        "/pages/common.css",
    };

    [Theory]
    [MemberData(nameof(PageResponses))]
    public async Task APageResponseCarriesCspNoSniffAndNoReferrer(string path)
    {
        using var browser = Bare(fixture.App);

        using var response = await browser.GetAsync(path);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        var csp = Header(response, "Content-Security-Policy");
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("default-src 'self'", directives);
        Assert.Contains("script-src 'self'", directives);
        Assert.Contains("frame-ancestors 'none'", directives);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
    }

    private static string Header(HttpResponseMessage response, string name)
    {
        Assert.True(response.Headers.TryGetValues(name, out var values), $"{response.RequestMessage?.RequestUri?.PathAndQuery} ({(int)response.StatusCode}) has no {name} header");
        return Assert.Single(values);
    }
}
