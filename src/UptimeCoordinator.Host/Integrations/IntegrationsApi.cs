using Microsoft.Extensions.Options;
using UptimeCoordinator.Host.Integrations.Alertmanager;
using UptimeCoordinator.Host.Integrations.Generic;
using UptimeCoordinator.Host.Integrations.Grafana;
using UptimeCoordinator.Host.Integrations.PagerDuty;

namespace UptimeCoordinator.Host.Integrations;

/// <summary>Monitoring tools' own payloads, mapped onto health events: <c>/api/v1/integrations/*</c>.</summary>
public static class IntegrationsApi
{
    /// <summary>The integrations' settings, checked at startup, and the services their endpoints use.</summary>
    public static WebApplicationBuilder AddIntegrations(this WebApplicationBuilder builder)
    {
        builder.Services.AddCheckedOptions<AlertmanagerOptions>(AlertmanagerOptions.Section, o => o.Problem());
        builder.Services.AddCheckedOptions<GrafanaOptions>(GrafanaOptions.Section, o => o.Problem());
        builder.Services.AddSingleton(services =>
            new AlertmanagerMapper(services.GetRequiredService<IOptions<AlertmanagerOptions>>().Value.ServiceLabel));
        builder.Services.AddSingleton<PagerDutyEventProcessor>();
        return builder;
    }

    public static IEndpointRouteBuilder MapIntegrationsApi(this IEndpointRouteBuilder app)
    {
        app.MapAlertmanagerIntegration();
        app.MapGrafanaIntegration();
        app.MapPagerDutyIntegration();
        app.MapGenericIntegrations();
        return app;
    }

    /// <summary>
    /// Binds <paramref name="section"/> and refuses to start when <paramref name="problem"/> finds one. The
    /// problem is thrown as an <see cref="InvalidOperationException"/> naming the setting, as a misconfigured
    /// integration has always stopped the host, rather than wrapped in an <see cref="OptionsValidationException"/>.
    /// </summary>
    private static void AddCheckedOptions<TOptions>(this IServiceCollection services, string section, Func<TOptions, string?> problem)
        where TOptions : class =>
        services.AddOptions<TOptions>()
            .BindConfiguration(section)
            .Validate(options => problem(options) is not { } found ? true : throw new InvalidOperationException(found))
            .ValidateOnStart();
}
