namespace UptimeCoordinator.Host.Stream;

public static class StreamApi
{
    public static WebApplicationBuilder AddChangeStream(this WebApplicationBuilder builder) => builder;

    public static IEndpointRouteBuilder MapStreamApi(this IEndpointRouteBuilder app) => app;
}
