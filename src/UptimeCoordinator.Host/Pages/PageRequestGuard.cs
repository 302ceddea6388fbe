using UptimeCoordinator.Host.Errors;

namespace UptimeCoordinator.Host.Pages;

/// <summary>
/// Two guards for the pages. A change the API is asked for with a page cookie (not a key) must carry
/// <see cref="PageCookies.PageHeader"/>: a page's own script sends it, a form on another site cannot,
/// and SameSite=Strict already keeps the cookie off cross-site requests. And every page response
/// carries headers that keep it from being framed, sniffed or given scripts from elsewhere.
/// </summary>
internal sealed class PageRequestGuard(RequestDelegate next, IProblemDetailsService problems)
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (IsPage(request.Path))
        {
            context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
        }

        if (request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
            && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
            && !PageCookies.HasApiKey(request)
            && context.User.Identity?.IsAuthenticated == true
            && !request.Headers.ContainsKey(PageCookies.PageHeader))
        {
            await problems.WriteProblemAsync(
                context,
                StatusCodes.Status403Forbidden,
                "Forbidden",
                $"A change asked for with a page's sign-in must come from the page itself (header {PageCookies.PageHeader}); scripts and tools send an API key instead.");
            return;
        }

        await next(context);
    }

    private static bool IsPage(PathString path) =>
        path.StartsWithSegments(WebPages.StatusPath, StringComparison.Ordinal)
        || path.StartsWithSegments(WebPages.OpsPath, StringComparison.Ordinal)
        || path.StartsWithSegments(WebPages.AssetsPath, StringComparison.Ordinal)
        || path.StartsWithSegments("/demo", StringComparison.Ordinal);
}
