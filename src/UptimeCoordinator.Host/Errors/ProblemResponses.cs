using Microsoft.Extensions.Options;

namespace UptimeCoordinator.Host.Errors;

/// <summary>Writing a problem response from middleware and handlers, where no endpoint returns a result.</summary>
internal static class ProblemResponses
{
    public static async Task WriteProblemAsync(this IProblemDetailsService problems, HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await problems.WriteWhateverIsAcceptedAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary>
    /// Writes the problem even to a request that accepts only something else, such as an
    /// EventSource's <c>text/event-stream</c>: no writer takes those, and <c>WriteAsync</c> would then
    /// throw and turn a 401 into an empty 500.
    /// </summary>
    public static async Task WriteWhateverIsAcceptedAsync(this IProblemDetailsService problems, ProblemDetailsContext problem)
    {
        if (!await problems.TryWriteAsync(problem))
        {
            // Written here, the problem still gets what every other one carries (instance, traceId).
            var options = problem.HttpContext.RequestServices.GetRequiredService<IOptions<ProblemDetailsOptions>>().Value;
            options.CustomizeProblemDetails?.Invoke(problem);
            await problem.HttpContext.Response.WriteAsJsonAsync(problem.ProblemDetails, (System.Text.Json.JsonSerializerOptions?)null, ProblemMediaType);
        }
    }

    private const string ProblemMediaType = "application/problem+json";
}
