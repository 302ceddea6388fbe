using Microsoft.AspNetCore.Http.HttpResults;
using UptimeCoordinator.Domain;
using UptimeCoordinator.Domain.Services;
using UptimeCoordinator.Host.Auth;
using UptimeCoordinator.Host.Errors;
using UptimeCoordinator.Host.Events;

namespace UptimeCoordinator.Host.Integrations.Generic;

/// <summary>
/// Minimal formats for tools without a dedicated integration: Grafana OnCall's formatted webhook and a
/// push URL. Both name their service in the URL, so an unknown service is a <c>404</c> there.
/// </summary>
public static class GenericIntegrationsApi
{
    public const string FormattedWebhookPath = "/api/v1/integrations/formatted-webhook";
    public const string PushPath = "/api/v1/services/{id}/push";

    public static IEndpointRouteBuilder MapGenericIntegrations(this IEndpointRouteBuilder app)
    {
        app.MapPost(FormattedWebhookPath, PostFormattedWebhookAsync)
            .RequireAuthorization(Roles.IngestPolicy)
            .WithTags("Integrations")
            .WithName("PostFormattedWebhook")
            .WithSummary("Grafana OnCall formatted webhook for the service named by ?service=")
            .WithDescription("state 'alerting' (or none) is down and 'ok' is up, on the check named by alert_uid; title, else message, describes it.")
            .Accepts<FormattedWebhook>("application/json");
        app.MapMethods(PushPath, [HttpMethods.Get, HttpMethods.Post], PushAsync)
            .RequireAuthorization(Roles.IngestPolicy)
            .WithTags("Integrations")
            .WithName("PushServiceStatus")
            .WithSummary("Push URL: report a service up, degraded or down (GET for tools that can only GET)")
            .WithDescription("?status=up|degraded|down (default up, as in Uptime Kuma) and ?msg= become a health event on the check 'push'.");
        return app;
    }

    private static async Task<Results<Accepted<EventsAccepted>, ValidationProblem, ProblemHttpResult>> PostFormattedWebhookAsync(
        HttpRequest request, string? service, TimeProvider time, EventIngestor ingestor, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (!ServiceId.IsValid(service))
        {
            errors.Add("service", service is null
                ? "is required: name the service in the webhook URL, e.g. ?service=checkout"
                : $"must match {ServiceId.Pattern}");
        }

        var webhook = ToolPayloadJson.Deserialize<FormattedWebhook>(await ToolPayloadJson.ReadBodyAsync(request, cancellationToken), errors);
        var now = time.GetUtcNow();
        var mapped = webhook is null || !errors.IsValid ? null : FormattedWebhookMapper.Map(webhook, service!, now, errors);
        return await IngestOneAsync(mapped, now, ingestor, errors);
    }

    private static async Task<Results<Accepted<EventsAccepted>, ValidationProblem, ProblemHttpResult>> PushAsync(
        string id, string? status, string? msg, TimeProvider time, EventIngestor ingestor)
    {
        if (!ServiceId.IsValid(id))
        {
            return Problems.NotFound($"Service '{id}'");
        }

        var errors = new ValidationErrors();
        var now = time.GetUtcNow();
        return await IngestOneAsync(PushEventMapper.Map(id, status, msg, now, errors), now, ingestor, errors);
    }

    private static async Task<Results<Accepted<EventsAccepted>, ValidationProblem, ProblemHttpResult>> IngestOneAsync(
        HealthEventRequest? request, DateTimeOffset now, EventIngestor ingestor, ValidationErrors errors)
    {
        var healthEvent = request is null ? null : HealthEventBatchReader.Validate(request, now, errors);
        if (healthEvent is null || !errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), detail: "No event was applied.");
        }

        var result = await ingestor.IngestAsync([(0, request!.ServiceId!, healthEvent)]);
        if (result.UnknownServiceItems.Length > 0)
        {
            return Problems.NotFound($"Service '{request.ServiceId}'");
        }

        return TypedResults.Accepted((string?)null, new EventsAccepted(result.Accepted, result.Duplicates));
    }
}
