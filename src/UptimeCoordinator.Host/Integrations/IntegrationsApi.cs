using UptimeCoordinator.Host.Integrations.Alertmanager;
using UptimeCoordinator.Host.Integrations.Generic;
using UptimeCoordinator.Host.Integrations.Grafana;
using UptimeCoordinator.Host.Integrations.PagerDuty;

namespace UptimeCoordinator.Host.Integrations;

/// <summary>Monitoring tools' own payloads, mapped onto health events: <c>/api/v1/integrations/*</c>.</summary>
public static class IntegrationsApi
{
    public static WebApplicationBuilder AddIntegrations(this WebApplicationBuilder builder) => builder;

    public static IEndpointRouteBuilder MapIntegrationsApi(this IEndpointRouteBuilder app)
    {
        app.MapAlertmanagerIntegration();
        app.MapGrafanaIntegration();
        app.MapPagerDutyIntegration();
        app.MapGenericIntegrations();
        return app;
    }
}
