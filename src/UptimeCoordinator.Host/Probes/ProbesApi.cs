using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace UptimeCoordinator.Host.Probes;

/// <summary><c>/healthz</c> (the process answers) and <c>/readyz</c> (the silo runs grains and storage answers).</summary>
public static class ProbesApi
{
    public const string ReadyTag = "ready";

    public static RouteGroupBuilder MapProbes(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Probes").AllowAnonymous();
        group.MapGet("/healthz", () => TypedResults.Ok(new ProbeStatus("Healthy", null)))
            .WithName("Liveness").WithSummary("Liveness: the process answers");
        group.MapGet("/readyz", ReadyAsync)
            .WithName("Readiness").WithSummary("Readiness: the silo is active and grain storage answers");
        return group;
    }

    private static async Task<Results<Ok<ProbeStatus>, ProblemHttpResult>> ReadyAsync(HealthCheckService health, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(c => c.Tags.Contains(ReadyTag), cancellationToken);
        var detail = report.Entries.Values.Select(e => e.Description).FirstOrDefault(d => d is not null);
        return report.Status == HealthStatus.Healthy
            ? TypedResults.Ok(new ProbeStatus(report.Status.ToString(), detail))
            : TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready");
    }
}

/// <summary>Body of the probe endpoints.</summary>
public sealed record ProbeStatus(string Status, string? Detail);
