using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace UptimeCoordinator.Host.Errors;

/// <summary>
/// Turns request-reading failures (malformed JSON, oversize bodies) into 400/413 problems that say
/// what was wrong, trouble in the cluster or its storage into a 503 with <c>Retry-After</c>
/// (<see cref="ClusterTrouble"/>), and anything else into a 500 that says nothing about the internals.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (413, "Payload too large", $"The request body exceeds {RequestSizeLimit.MaxBodyBytes} bytes (1 MiB)."),
            BadHttpRequestException { InnerException: JsonException json } bad => (bad.StatusCode, "Malformed JSON", JsonErrorText.Describe(json)),
            BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } => (400, "Bad request", "A JSON object body is required."),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", "The request could not be read."),
            JsonException json => (400, "Malformed JSON", JsonErrorText.Describe(json)),
            _ when ClusterTrouble.Is(exception, context.RequestAborted) => (503, "Service unavailable",
                $"The cluster or its storage could not complete the request just now (a node leaving, storage not answering). It was not acknowledged; retry after {RetryAfterSeconds} s."),
            _ => (500, "Internal error", "The request could not be completed. Quote the traceId when reporting this."),
        };
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            LogUnavailable(context.Request.Method, context.Request.Path, exception.GetType().Name, exception.Message);
            context.Response.Headers.RetryAfter = RetryAfterSeconds;
        }
        else if (status >= 500)
        {
            LogUnhandled(exception, context.Request.Method, context.Request.Path);
        }

        context.Response.StatusCode = status;
        await problems.WriteWhateverIsAcceptedAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
        return true;
    }

    private static readonly string RetryAfterSeconds = ((int)ClusterTrouble.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    // A warning without the stack: during a silo's death there are many, all alike.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Answered 503 to {Method} {Path}: {ExceptionType}: {Reason}")]
    private partial void LogUnavailable(string method, string path, string exceptionType, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);
}
