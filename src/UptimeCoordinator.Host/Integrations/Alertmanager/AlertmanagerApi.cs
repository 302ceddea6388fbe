using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using UptimeCoordinator.Contracts.Health;
using UptimeCoordinator.Domain;
using UptimeCoordinator.Host.Auth;
using UptimeCoordinator.Host.Errors;
using UptimeCoordinator.Host.Events;

namespace UptimeCoordinator.Host.Integrations.Alertmanager;

/// <summary>
/// <c>POST /api/v1/integrations/alertmanager</c>: a stock Alertmanager webhook receiver, pointed
/// here with a monitor key as its bearer credentials, drives service health and so incidents.
/// </summary>
public static partial class AlertmanagerApi
{
    public const string Path = "/api/v1/integrations/alertmanager";

    public static IEndpointRouteBuilder MapAlertmanagerIntegration(this IEndpointRouteBuilder app)
    {
        var mapper = new AlertmanagerMapper(AlertmanagerOptions.From(app.ServiceProvider.GetRequiredService<IConfiguration>()).ServiceLabel);
        app.MapPost(Path, (HttpRequest request, TimeProvider time, EventIngestor ingestor, ILoggerFactory logs) =>
                PostAsync(request, mapper, time, ingestor, logs.CreateLogger(typeof(AlertmanagerApi))))
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

    private static async Task<Results<Accepted<AlertmanagerAccepted>, ValidationProblem>> PostAsync(
        HttpRequest request, AlertmanagerMapper mapper, TimeProvider time, EventIngestor ingestor, ILogger logger)
    {
        var errors = new ValidationErrors();
        var payload = await ReadAsync(request, errors);
        var mapping = payload is null ? AlertmanagerMapping.Empty : mapper.Map(payload, errors);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), detail: "No alert was applied.");
        }

        var now = time.GetUtcNow();
        var skipped = mapping.Skipped.ToList();
        var events = new List<(int Index, string ServiceId, HealthEvent Event)>();
        foreach (var alert in mapping.Events)
        {
            var eventErrors = new ValidationErrors();
            if (HealthEventBatchReader.Validate(alert.Event, now, eventErrors) is { } valid)
            {
                events.Add((alert.Index, alert.Event.ServiceId!, valid));
            }
            else
            {
                skipped.Add(new SkippedAlert(alert.Index, alert.Fingerprint, Describe(eventErrors)));
            }
        }

        var result = await ingestor.IngestAsync(events, UnknownServices.Skip);
        skipped.AddRange(mapping.Events
            .Where(a => result.UnknownServiceItems.Contains(a.Index))
            .Select(a => new SkippedAlert(a.Index, a.Fingerprint, $"unknown service '{a.Event.ServiceId}'")));
        skipped.Sort((a, b) => a.Index.CompareTo(b.Index));
        if (skipped.Count > 0)
        {
            // Alertmanager discards the response body, so the log is where an operator learns of these.
            var reasons = string.Join("; ", skipped.Select(s => $"{s.Fingerprint}: {s.Reason}"));
            LogSkipped(logger, skipped.Count, payload!.Alerts!.Count, payload.Receiver, reasons);
        }

        return TypedResults.Accepted((string?)null, new AlertmanagerAccepted(result.Accepted, result.Duplicates, skipped));
    }

    private static async Task<AlertmanagerPayload?> ReadAsync(HttpRequest request, ValidationErrors errors)
    {
        try
        {
            var payload = await JsonSerializer.DeserializeAsync<AlertmanagerPayload>(request.Body, AlertmanagerPayload.JsonOptions, request.HttpContext.RequestAborted);
            if (payload is null)
            {
                errors.Add("", "The body must be an Alertmanager webhook payload object.");
            }

            return payload;
        }
        catch (JsonException ex)
        {
            errors.Add(ex.Path is { Length: > 2 } path ? path[2..] : "", JsonErrorText.Describe(ex));
            return null;
        }
    }

    private static string Describe(ValidationErrors errors) =>
        string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key} {string.Join(", ", e.Value)}"));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alertmanager webhook (receiver {Receiver}): skipped {Skipped} of {Total} alerts: {Reasons}")]
    private static partial void LogSkipped(ILogger logger, int skipped, int total, string? receiver, string reasons);
}
