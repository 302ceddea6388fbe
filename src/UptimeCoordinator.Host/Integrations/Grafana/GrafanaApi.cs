namespace UptimeCoordinator.Host.Integrations.Grafana;

public static class GrafanaApi
{
    public static IEndpointRouteBuilder MapGrafanaIntegration(this IEndpointRouteBuilder app) => app;
}
