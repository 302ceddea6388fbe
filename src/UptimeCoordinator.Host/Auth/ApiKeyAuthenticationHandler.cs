using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using UptimeCoordinator.Host.Errors;

namespace UptimeCoordinator.Host.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key: &lt;key&gt;</c> against the
/// configured keys, and answers 401/403 as problem details.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptions<ApiKeyOptions> keys,
    IProblemDetailsService problems) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ReadKey(Request);
        if (key is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!keys.Value.ApiKeys.TryGetValue(key, out var role))
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(ClaimsFor(role, ApiKeyId.Of(key)), SchemeName, ClaimTypes.Name, ClaimTypes.Role));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    /// <summary>
    /// The claims a key stands for: its role, for a client key the client's id, and the key's
    /// <see cref="ApiKeyId"/> (whose requests these are, for the rate limiter).
    /// </summary>
    public static List<Claim> ClaimsFor(string role, string keyId)
    {
        var isClient = role.StartsWith(Roles.ClientPrefix, StringComparison.Ordinal);
        var claims = new List<Claim> { new(ClaimTypes.Role, isClient ? Roles.Client : role), new(ApiKeyId.Claim, keyId) };
        if (isClient)
        {
            claims.Add(new Claim(Roles.ClientIdClaim, role[Roles.ClientPrefix.Length..]));
        }

        return claims;
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var detail = ReadKey(Request) is null
            ? $"Send an API key as 'Authorization: Bearer <key>' or '{HeaderName}: <key>'."
            : "The API key is not valid.";
        return WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized", detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", "This API key's role may not do this.");

    private Task WriteProblemAsync(int status, string title, string detail) => problems.WriteProblemAsync(Context, status, title, detail);

    private static string? ReadKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim() is { Length: > 0 } bearer ? bearer : null;
        }

        return request.Headers[HeaderName].ToString() is { Length: > 0 } header ? header.Trim() : null;
    }
}
