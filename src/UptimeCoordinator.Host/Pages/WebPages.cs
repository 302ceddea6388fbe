using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Host.Auth;

namespace UptimeCoordinator.Host.Pages;

/// <summary>
/// The two pages people look at: a client's status page at <c>/status/{clientId}</c> and the ops
/// console at <c>/ops</c>. Each is a static shell with plain JavaScript that reads the API and the
/// live stream with the page's cookie; everything is served by this host, nothing by a CDN.
/// </summary>
public static class WebPages
{
    public const string AssetsPath = "/pages";
    public const string OpsPath = "/ops";
    public const string StatusPath = "/status";

    private static readonly string AssetsRoot = Path.Combine(AppContext.BaseDirectory, "wwwroot", "pages");

    public static WebApplication UseWebPageAssets(this WebApplication app)
    {
        // The guard first: the static-file middleware answers /pages/* itself, and its answers need the headers too.
        app.UseMiddleware<PageRequestGuard>();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(AssetsRoot),
            RequestPath = AssetsPath,
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
        return app;
    }

    public static IEndpointRouteBuilder MapWebPages(this IEndpointRouteBuilder app)
    {
        app.MapGet(StatusPath + "/{clientId}", OpenStatusPageAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(StatusPath + "/{clientId}/sign-out", (string clientId, HttpContext http) => SignOutAsync(http, PageCookies.ClientScheme))
            .AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        app.MapGet(OpsPath, OpenOpsConsoleAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(OpsPath + "/sign-out", (Delegate)SignOutOfOpsAsync)
            .AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> OpenStatusPageAsync(string clientId, string? key, HttpContext http, IOptions<ApiKeyOptions> keys)
    {
        if (!ClientId.IsValid(clientId))
        {
            return NotFoundPage();
        }

        var role = Roles.ClientPrefix + clientId;
        if (key is not null)
        {
            return keys.Value.ApiKeys.TryGetValue(key, out var keyRole) && keyRole == role
                ? await SignInAsync(http, PageCookies.ClientScheme, key, role, $"{StatusPath}/{Uri.EscapeDataString(clientId)}")
                : NotFoundPage();
        }

        var signedIn = (await http.AuthenticateAsync(PageCookies.ClientScheme)).Principal;
        return signedIn?.FindFirstValue(Roles.ClientIdClaim) == clientId ? Shell("status.html") : NotFoundPage();
    }

    private static async Task<IResult> OpenOpsConsoleAsync(string? key, HttpContext http, IOptions<ApiKeyOptions> keys)
    {
        if (key is not null)
        {
            return keys.Value.ApiKeys.TryGetValue(key, out var keyRole) && keyRole == Roles.Ops
                ? await SignInAsync(http, PageCookies.OpsScheme, key, Roles.Ops, OpsPath)
                : NotFoundPage();
        }

        var signedIn = (await http.AuthenticateAsync(PageCookies.OpsScheme)).Principal;
        return signedIn?.IsInRole(Roles.Ops) == true ? Shell("ops.html") : NotFoundPage();
    }

    private static Task<IResult> SignOutOfOpsAsync(HttpContext http) => SignOutAsync(http, PageCookies.OpsScheme);

    private static async Task<IResult> SignInAsync(HttpContext http, string scheme, string key, string role, string page)
    {
        await http.SignInAsync(scheme, PageCookies.PrincipalFor(key, role, scheme));

        // The key leaves the address bar and the history at once: a redirect to the same page without it.
        http.Response.Headers.CacheControl = "no-store";
        return Results.Redirect(page, permanent: false, preserveMethod: false);
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, string scheme)
    {
        await http.SignOutAsync(scheme);
        return Results.Content(Html("Signed out", "<p>You are signed out. Open the link with your key again to sign in.</p>"), "text/html; charset=utf-8");
    }

    private static IResult Shell(string file)
    {
        return Results.File(Path.Combine(AssetsRoot, file), "text/html; charset=utf-8");
    }

    /// <summary>The same plain page for a wrong key, a page not yours and a page that does not exist: it tells a prober nothing.</summary>
    private static IResult NotFoundPage() =>
        Results.Content(Html("Not found", "<p>There is no page here. If you were given a link with a key, open that link again.</p>"),
            "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);

    private static string Html(string title, string body) => $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{WebUtility.HtmlEncode(title)}}</title><link rel="stylesheet" href="{{AssetsPath}}/common.css">
        </head><body><main class="narrow"><h1>{{WebUtility.HtmlEncode(title)}}</h1>{{body}}</main></body></html>
        """;
}
