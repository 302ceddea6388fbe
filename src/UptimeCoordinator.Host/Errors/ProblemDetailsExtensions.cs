using System.Diagnostics;

namespace UptimeCoordinator.Host.Errors;

/// <summary>Every 4xx and 5xx leaves as RFC 7807 <c>application/problem+json</c>, without stack traces.</summary>
public static class ProblemDetailsExtensions
{
    public static IServiceCollection AddCoordinatorProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services;
    }

    public static WebApplication UseCoordinatorErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestSizeLimit>();
        return app;
    }
}
