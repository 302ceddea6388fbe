namespace UptimeCoordinator.Host.Errors;

/// <summary>Writing a problem response from middleware and handlers, where no endpoint returns a result.</summary>
internal static class ProblemResponses
{
    public static async Task WriteProblemAsync(this IProblemDetailsService problems, HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
