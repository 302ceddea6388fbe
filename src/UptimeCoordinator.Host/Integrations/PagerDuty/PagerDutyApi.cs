using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using UptimeCoordinator.Domain;
using UptimeCoordinator.Host.Auth;
using UptimeCoordinator.Host.Events;

namespace UptimeCoordinator.Host.Integrations.PagerDuty;

/// <summary>
/// <c>POST /api/v1/integrations/pagerduty</c>: PagerDuty Events API v2 events, answered as PagerDuty
/// answers them. Anonymous at the policy level because the credential may sit in the body's routing_key.
/// </summary>
public static class PagerDutyApi
{
    public const string Path = "/api/v1/integrations/pagerduty";

    public static IEndpointRouteBuilder MapPagerDutyIntegration(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, PostAsync)
            .AllowAnonymous()
            .WithTags("Integrations")
            .WithName("PostPagerDutyEvent")
            .WithSummary("PagerDuty Events API v2 event, answered as PagerDuty answers it")
            .WithDescription(
                "Authenticated by routing_key, which must be a monitor or ops API key, or by the usual headers. A trigger is a " +
                "health event for the service named by payload.component, else payload.source (lower-cased), on the check " +
                "named by dedup_key (generated and returned when missing): severity critical or error is down, warning or " +
                "info is degraded. A resolve brings that check up; an acknowledge acknowledges the service's open incident. " +
                "An acknowledge or resolve for an unknown dedup_key, or a trigger for an unknown service, is accepted and dropped.")
            .Accepts<PagerDutyEvent>("application/json");
        return app;
    }

    private static async Task<Results<Accepted<PagerDutyAccepted>, ValidationProblem, ProblemHttpResult>> PostAsync(
        HttpContext context,
        IOptions<ApiKeyOptions> keys,
        PagerDutyEventProcessor processor,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var body = await ToolPayloadJson.ReadBodyAsync(context.Request, cancellationToken);
        if (ToolPayloadJson.Deserialize<PagerDutyEvent>(body, errors) is not { } pagerDutyEvent)
        {
            return InvalidEvent(errors);
        }

        switch (PagerDutyAuthorizer.Authorize(context.User, pagerDutyEvent.RoutingKey, keys.Value.ApiKeys))
        {
            case PagerDutyAccess.Unauthorized:
                // As for every other 401 here (RFC 9110 requires the challenge).
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return TypedResults.Problem(
                    "Send a monitor or ops API key as routing_key, as 'Authorization: Bearer <key>' or as 'X-Api-Key: <key>'.",
                    statusCode: StatusCodes.Status401Unauthorized,
                    title: "Unauthorized");
            case PagerDutyAccess.Forbidden:
                return TypedResults.Problem("This API key's role may not post events.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
        }

        var action = PagerDutyEventMapper.Validate(pagerDutyEvent, errors);
        var now = time.GetUtcNow();
        switch (action)
        {
            case PagerDutyAction.Trigger:
                // As PagerDuty does, a trigger without a key gets one, returned so the sender can resolve it later.
                var dedupKey = string.IsNullOrEmpty(pagerDutyEvent.DedupKey) ? Guid.NewGuid().ToString("N") : pagerDutyEvent.DedupKey;
                var request = PagerDutyEventMapper.Trigger(pagerDutyEvent.Payload!, dedupKey, now);
                if (HealthEventBatchReader.Validate(request, now, errors) is not { } healthEvent)
                {
                    return InvalidEvent(errors);
                }

                return Accepted(dedupKey, await processor.TriggerAsync(request.ServiceId!, healthEvent, dedupKey));
            case PagerDutyAction.Resolve:
                return Accepted(pagerDutyEvent.DedupKey!, await processor.ResolveAsync(pagerDutyEvent.DedupKey!, pagerDutyEvent.Payload, now));
            case PagerDutyAction.Acknowledge:
                var by = PagerDutyEventMapper.ActorFor(pagerDutyEvent);
                return Accepted(pagerDutyEvent.DedupKey!, await processor.AcknowledgeAsync(pagerDutyEvent.DedupKey!, by, pagerDutyEvent.Payload?.Summary));
            default:
                return InvalidEvent(errors);
        }
    }

    private static Accepted<PagerDutyAccepted> Accepted(string dedupKey, string message) =>
        TypedResults.Accepted((string?)null, PagerDutyAccepted.Success(dedupKey, message));

    // PagerDuty answers a bad event with 400 "Invalid event"; ours is the same, as problem details.
    private static ValidationProblem InvalidEvent(ValidationErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), detail: "Event object is invalid; nothing was applied.", title: "Invalid event");
}
