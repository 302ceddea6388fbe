using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using UptimeCoordinator.Host.Tests.Http;

namespace UptimeCoordinator.Host.Tests.Pages;

/// <summary>
/// A browser's view of the pages: it keeps cookies and does not follow redirects, so a test sees
/// the sign-in's 302 and the cookie it sets, and every later request carries that cookie and no key.
/// </summary>
internal static class PageBrowser
{
    public const string ClientCookie = "uc_client";
    public const string OpsCookie = "uc_ops";

    /// <summary>A client with its own cookie jar; <see cref="ErrorBodyGuard"/> keeps it honest about error bodies.</summary>
    public static HttpClient Open(CoordinatorApp app) =>
        app.CreateDefaultClient(new ErrorBodyGuard(), new CookieJar());

    /// <summary>A client that neither keeps nor sends cookies, to read Set-Cookie and send a Cookie header by hand.</summary>
    public static HttpClient Bare(CoordinatorApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public static string StatusPage(string clientId, string? key = null) =>
        $"/status/{clientId}" + (key is null ? "" : $"?key={Uri.EscapeDataString(key)}");

    public static string OpsPage(string? key = null) => "/ops" + (key is null ? "" : $"?key={Uri.EscapeDataString(key)}");

    /// <summary>Opens the page's link with its key and asserts the sign-in redirect.</summary>
    public static async Task SignInAsync(HttpClient browser, string link)
    {
        using var response = await browser.GetAsync(link);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"GET {link}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The Set-Cookie line that sets <paramref name="name"/>, asserting there is exactly one.</summary>
    public static string SetCookie(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [], c => c.StartsWith(name + "=", StringComparison.Ordinal));

    /// <summary>The <c>name=value</c> part of a Set-Cookie line, as a Cookie header sends it back.</summary>
    public static string CookiePair(string setCookie) => setCookie.Split(';')[0];

    /// <summary>A GET carrying <paramref name="cookie"/> by hand and no key.</summary>
    public static async Task<HttpResponseMessage> GetWithCookieAsync(HttpClient bare, string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await bare.SendAsync(request);
    }

    /// <summary>Keeps cookies across requests as a browser does, and never follows a redirect.</summary>
    private sealed class CookieJar : DelegatingHandler
    {
        private readonly CookieContainer _cookies = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            if (_cookies.GetCookieHeader(uri) is { Length: > 0 } header)
            {
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var lines))
            {
                foreach (var line in lines)
                {
                    _cookies.SetCookies(uri, line);
                }
            }

            return response;
        }
    }
}
