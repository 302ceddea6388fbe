using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using UptimeCoordinator.Domain;
using UptimeCoordinator.Host.Auth;

namespace UptimeCoordinator.Host.Stream;

/// <summary><c>GET /api/v1/stream</c>: the cluster's changes, live, as Server-Sent Events.</summary>
public static class StreamApi
{
    public const string Path = "/api/v1/stream";
    public const string LastEventIdHeader = "Last-Event-ID";

    public static WebApplicationBuilder AddChangeStream(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ChangeStreamOptions>()
            .Configure<IConfiguration>((options, configuration) => ChangeStreamOptions.Bind(configuration, options))
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new ChangeFeed(
            sp.GetRequiredService<IOptions<ChangeStreamOptions>>(),
            sp.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions,
            sp.GetRequiredService<ILogger<ChangeFeed>>()));
        builder.Services.AddHostedService<ChangeStreamSubscriber>();
        return builder;
    }

    public static RouteHandlerBuilder MapStreamApi(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, StreamChangesAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Ops, Roles.Client))
            .WithTags("Stream")
            .WithName("StreamChanges")
            .WithSummary("Live changes as Server-Sent Events: service.status and incident.changed")
            .WithDescription(
                "text/event-stream of every change in the cluster, whichever host made it: each event is " +
                "'id: <n>', 'event: service.status | incident.changed' and 'data: <JSON>'. A ': heartbeat' " +
                "comment comes every Stream:HeartbeatInterval (PT15S). Event ids count per host. Send " +
                "Last-Event-ID (header, or ?lastEventId=) to resume: the events this host still buffers after " +
                "that id (the last Stream:ReplayBufferSize, 1000) are sent first; an id it cannot place (older " +
                "than its buffer, or from another host or an earlier run) replays the whole buffer. Events carry " +
                "state, not deltas, so a repeat is harmless. Ops see everything; a client key sees its own notices " +
                "and the service, incident and maintenance changes on the services it uses or depends on; monitor keys may not read the stream. A connection that falls more " +
                "than Stream:SubscriberBufferSize events behind is closed, to resume with Last-Event-ID.");

    private static async Task<Results<ChangeStreamResult, ValidationProblem>> StreamChangesAsync(
        HttpContext context, string? lastEventId, ChangeFeed feed, IOptions<ChangeStreamOptions> options, IGrainFactory grains, TimeProvider time)
    {
        var errors = new ValidationErrors();
        var header = context.Request.Headers[LastEventIdHeader].ToString();
        var resumeFrom = ParseEventId(header, LastEventIdHeader, errors) ?? ParseEventId(lastEventId, "lastEventId", errors);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), detail: "Resume from an event id this stream sent.");
        }

        return new ChangeStreamResult(feed, resumeFrom, await StreamAudience.ForAsync(context.User, grains, time), options.Value.HeartbeatInterval);
    }

    private static long? ParseEventId(string? text, string name, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }

        errors.Add(name, "must be an event id this stream sent: a whole number");
        return null;
    }
}
