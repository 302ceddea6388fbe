using System.Reflection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using UptimeCoordinator.Contracts.Changes;

namespace UptimeCoordinator.Host.Stream;

/// <summary>
/// Serves the <see cref="ChangeFeed"/> as Server-Sent Events until the client goes away or the host
/// stops: the replayed events first, then each new one as it comes, flushed at once, with a comment
/// line as heartbeat.
/// </summary>
internal sealed class ChangeStreamResult(ChangeFeed feed, long? lastEventId, Func<ChangeEvent, bool> filter, TimeSpan heartbeat)
    : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider
{
    public const string EventStream = "text/event-stream";

    private static readonly ReadOnlyMemory<byte> Connected = ": connected\n\n"u8.ToArray();
    private static readonly ReadOnlyMemory<byte> Heartbeat = ": heartbeat\n\n"u8.ToArray();
    private static readonly ReadOnlyMemory<byte> DroppedNotice = ": dropped: this connection fell too far behind; reconnect with Last-Event-ID to resume\n\n"u8.ToArray();

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => EventStream;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = EventStream;
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        var stopping = httpContext.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var end = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted, stopping);
        var time = httpContext.RequestServices.GetRequiredService<TimeProvider>();
        using var subscription = feed.Subscribe(lastEventId, filter);
        try
        {
            await SendAsync(response, subscription, time, end.Token);
        }
        catch (OperationCanceledException) when (end.IsCancellationRequested)
        {
            // The client went away or the host is stopping: the normal end of a stream.
        }
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), [EventStream]));

    private async Task SendAsync(HttpResponse response, ChangeFeedSubscription subscription, TimeProvider time, CancellationToken cancellationToken)
    {
        var body = response.BodyWriter;
        await body.WriteAsync(Connected, cancellationToken);
        foreach (var entry in subscription.Replay)
        {
            await body.WriteAsync(entry.Frame, cancellationToken);
        }

        await body.FlushAsync(cancellationToken);

        using var heartbeats = new PeriodicTimer(heartbeat, time);
        Task<bool>? tick = null, ready = null;
        while (true)
        {
            // Both waits stay pending across turns of the loop: a PeriodicTimer allows one waiter at a time.
            tick ??= heartbeats.WaitForNextTickAsync(cancellationToken).AsTask();
            ready ??= subscription.Events.WaitToReadAsync(cancellationToken).AsTask();
            if (await Task.WhenAny(tick, ready) == tick)
            {
                await tick;
                tick = null;
                await body.WriteAsync(Heartbeat, cancellationToken);
                continue;
            }

            if (!await ready)
            {
                if (subscription.Dropped)
                {
                    await body.WriteAsync(DroppedNotice, cancellationToken);
                }

                return;
            }

            ready = null;
            while (subscription.Events.TryRead(out var entry))
            {
                await body.WriteAsync(entry.Frame, cancellationToken);
            }
        }
    }
}
