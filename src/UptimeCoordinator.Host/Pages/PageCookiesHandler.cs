using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace UptimeCoordinator.Host.Pages;

/// <summary>
/// Reads both page cookies and merges what they prove into one principal: a browser signed in to
/// the ops console and to a client's page is both, as its two tabs are.
/// </summary>
internal sealed class PageCookiesHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "PageCookies";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var identities = new List<ClaimsIdentity>();
        foreach (var scheme in (string[])[PageCookies.OpsScheme, PageCookies.ClientScheme])
        {
            if ((await Context.AuthenticateAsync(scheme)).Principal is { Identity.IsAuthenticated: true } principal)
            {
                identities.AddRange(principal.Identities);
            }
        }

        return identities.Count == 0
            ? AuthenticateResult.NoResult()
            : AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identities), SchemeName));
    }
}
