namespace UptimeCoordinator.Host.Integrations.Alertmanager;

public static class AlertmanagerApi
{
    public static IEndpointRouteBuilder MapAlertmanagerIntegration(this IEndpointRouteBuilder app) => app;
}
