using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using UptimeCoordinator.Host.Auth;

namespace UptimeCoordinator.Host.Pages;

/// <summary>
/// The sign-in of the web pages: a key opened once in the page's URL becomes an HttpOnly,
/// SameSite=Strict cookie, so that the key leaves the address bar and the page's own requests
/// (the API and the live stream) carry the same role as the key. The ops console and a client's
/// status page keep separate cookies, so one browser can show both at once.
/// </summary>
public static class PageCookies
{
    public const string OpsScheme = "OpsPage";
    public const string ClientScheme = "ClientPage";

    /// <summary>The default scheme: an API key when the request carries one, else the pages' cookies.</summary>
    public const string DefaultScheme = "KeyOrPage";

    /// <summary>What a page's script sends with every change it asks for; a cross-site form cannot.</summary>
    public const string PageHeader = "X-Uptime-Page";

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    public static AuthenticationBuilder AddPageCookies(this AuthenticationBuilder auth)
    {
        auth.AddCookie(OpsScheme, o => Configure(o, "uc_ops"));
        auth.AddCookie(ClientScheme, o => Configure(o, "uc_client"));
        auth.AddScheme<AuthenticationSchemeOptions, PageCookiesHandler>(PageCookiesHandler.SchemeName, null);
        auth.AddPolicyScheme(DefaultScheme, "API key or page cookie", o =>
        {
            o.ForwardDefaultSelector = context => HasApiKey(context.Request) ? ApiKeyAuthenticationHandler.SchemeName : PageCookiesHandler.SchemeName;

            // Whoever is refused gets the API's problem details, whichever way they came.
            o.ForwardChallenge = ApiKeyAuthenticationHandler.SchemeName;
            o.ForwardForbid = ApiKeyAuthenticationHandler.SchemeName;
        });
        return auth;
    }

    public static bool HasApiKey(HttpRequest request) =>
        request.Headers.Authorization.Count > 0 || request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName);

    /// <summary>The principal a key stands for, the same one the API-key handler builds.</summary>
    public static ClaimsPrincipal PrincipalFor(string key, string role, string scheme) =>
        new(new ClaimsIdentity(ApiKeyAuthenticationHandler.ClaimsFor(role, ApiKeyId.Of(key)), scheme, ClaimTypes.Name, ClaimTypes.Role));

    private static void Configure(CookieAuthenticationOptions options, string name)
    {
        options.Cookie.Name = name;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Cookie.Path = "/";
        options.ExpireTimeSpan = Lifetime;
        options.SlidingExpiration = true;

        // A page never redirects to a login form: the API answers 401/403 as problems, the pages "not found".
        options.Events.OnRedirectToLogin = context =>
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        };
        options.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }
}
