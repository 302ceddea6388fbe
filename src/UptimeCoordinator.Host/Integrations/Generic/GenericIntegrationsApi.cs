namespace UptimeCoordinator.Host.Integrations.Generic;

public static class GenericIntegrationsApi
{
    public static IEndpointRouteBuilder MapGenericIntegrations(this IEndpointRouteBuilder app) => app;
}
