using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace UptimeCoordinator.Host.Errors;

/// <summary>
/// Turns request-reading failures (malformed JSON, oversize bodies) into 400/413 problems that say
/// what was wrong, and anything else into a 500 that says nothing about the internals.
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
            _ => (500, "Internal error", "The request could not be completed. Quote the traceId when reporting this."),
        };
        if (status >= 500)
        {
            LogUnhandled(exception, context.Request.Method, context.Request.Path);
        }

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);
}
