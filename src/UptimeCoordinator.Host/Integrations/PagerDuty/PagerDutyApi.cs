namespace UptimeCoordinator.Host.Integrations.PagerDuty;

public static class PagerDutyApi
{
    public static IEndpointRouteBuilder MapPagerDutyIntegration(this IEndpointRouteBuilder app) => app;
}
