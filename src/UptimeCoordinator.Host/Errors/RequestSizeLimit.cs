namespace UptimeCoordinator.Host.Errors;

/// <summary>
/// Rejects bodies over 1 MiB with 413 before they are read. Kestrel enforces the same limit on
/// chunked bodies while reading; this covers a declared Content-Length on any server.
/// </summary>
internal sealed class RequestSizeLimit(RequestDelegate next)
{
    public const long MaxBodyBytes = 1024 * 1024;

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            await problems.WriteProblemAsync(
                context,
                StatusCodes.Status413PayloadTooLarge,
                "Payload too large",
                $"The request body is {context.Request.ContentLength} bytes; the limit is {MaxBodyBytes} bytes (1 MiB).");
            return;
        }

        await next(context);
    }
}
