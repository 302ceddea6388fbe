using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using UptimeCoordinator.Host.Pages;

namespace UptimeCoordinator.Host.Auth;

public static class ApiKeyAuthExtensions
{
    public static WebApplicationBuilder AddApiKeyAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ApiKeyOptions>, ApiKeyOptionsValidator>();
        builder.Services
            .AddAuthentication(PageCookies.DefaultScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddPageCookies();
        builder.AddPageKeyRing();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Roles.OpsPolicy, p => p.RequireRole(Roles.Ops))
            .AddPolicy(Roles.IngestPolicy, p => p.RequireRole(Roles.Monitor, Roles.Ops));
        return builder;
    }
}
