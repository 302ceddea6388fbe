using Microsoft.AspNetCore.Http.HttpResults;
using UptimeCoordinator.Domain;
using UptimeCoordinator.Host.Auth;
using UptimeCoordinator.Host.Events;

namespace UptimeCoordinator.Host.Integrations.Alertmanager;

/// <summary>
/// <c>POST /api/v1/integrations/alertmanager</c>: a stock Alertmanager webhook receiver, pointed
/// here with a monitor key as its bearer credentials, drives service health and so incidents.
/// </summary>
public static class AlertmanagerApi
{
    public const string Path = "/api/v1/integrations/alertmanager";

    public static IEndpointRouteBuilder MapAlertmanagerIntegration(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, PostAsync)
            .RequireAuthorization(Roles.IngestPolicy)
            .WithTags("Integrations")
            .WithName("PostAlertmanagerWebhook")
            .WithSummary("Prometheus Alertmanager webhook (payload version 4)")
            .WithDescription(
                "Each alert is a health event on the check named by its fingerprint, for the service named by the " +
                "'service' label (configurable), else 'job', else 'instance' without its port. Firing with severity " +
                "'warning' is degraded, any other severity is down; resolved is up. Retries are recognised by " +
                "fingerprint, startsAt and status. Alerts for unknown services or without a usable service id are " +
                "skipped and listed, never refused, since Alertmanager cannot change what it sends.")
            .Accepts<AlertmanagerPayload>("application/json");
        return app;
    }

    private static async Task<Results<Accepted<IntegrationAccepted>, ValidationProblem>> PostAsync(
        HttpRequest request,
        AlertmanagerMapper mapper,
        TimeProvider time,
        EventIngestor ingestor,
        ILoggerFactory logs,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var payload = ToolPayloadJson.Deserialize<AlertmanagerPayload>(await ToolPayloadJson.ReadBodyAsync(request, cancellationToken), errors);
        var mapping = payload is null ? ToolMapping.Empty : mapper.Map(payload, errors);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), detail: "No alert was applied.");
        }

        var accepted = await ToolEventBatch.IngestAsync(mapping, ServiceLabels.NoServiceReason(mapper.ServiceLabel), time.GetUtcNow(), ingestor);
        IntegrationLog.SkippedAlerts(logs.CreateLogger(typeof(AlertmanagerApi)), "Alertmanager", payload!.Receiver, payload.Alerts!.Count, accepted);
        return TypedResults.Accepted((string?)null, accepted);
    }
}
