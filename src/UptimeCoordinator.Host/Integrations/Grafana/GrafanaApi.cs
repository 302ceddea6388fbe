using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using UptimeCoordinator.Domain;
using UptimeCoordinator.Host.Auth;
using UptimeCoordinator.Host.Events;

namespace UptimeCoordinator.Host.Integrations.Grafana;

/// <summary><c>POST /api/v1/integrations/grafana</c>: Grafana unified alerting's webhook contact point.</summary>
public static class GrafanaApi
{
    public const string Path = "/api/v1/integrations/grafana";

    // grafana/alerting's signer falls back to this name when the contact point's header field is left
    // empty, although its UI and docs name X-Grafana-Alerting-Signature; both are accepted by default.
    private const string FallbackSignatureHeader = "X-Grafana-Alert-Signature";

    public static IEndpointRouteBuilder MapGrafanaIntegration(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, PostAsync)
            .RequireAuthorization(Roles.IngestPolicy)
            .WithTags("Integrations")
            .WithName("PostGrafanaWebhook")
            .WithSummary("Grafana unified alerting webhook (version 1)")
            .WithDescription(
                "Each alert is a health event on the check named by its fingerprint (else its ruleUID), for the service " +
                "named by the 'service' label (Integrations:Grafana:ServiceLabel), else 'job', else 'instance' without its " +
                "port. Firing with severity 'warning' is degraded, any other severity is down; resolved is up. Repeats are " +
                "recognised by fingerprint, startsAt and status. Alerts naming no known service are skipped and listed. " +
                "With Integrations:Grafana:Secret set, the contact point's HMAC signature is required.")
            .Accepts<GrafanaWebhook>("application/json");
        return app;
    }

    private static async Task<Results<Accepted<IntegrationAccepted>, ValidationProblem, ProblemHttpResult>> PostAsync(
        HttpRequest request,
        IOptions<GrafanaOptions> configured,
        TimeProvider time,
        EventIngestor ingestor,
        ILoggerFactory logs,
        CancellationToken cancellationToken)
    {
        var options = configured.Value;
        var body = await ToolPayloadJson.ReadBodyAsync(request, cancellationToken);
        var now = time.GetUtcNow();
        if (!string.IsNullOrEmpty(options.Secret) && CheckSignature(request, body, options, now) is { } refusal)
        {
            return refusal;
        }

        var errors = new ValidationErrors();
        var webhook = ToolPayloadJson.Deserialize<GrafanaWebhook>(body, errors);
        var mapping = webhook is null ? ToolMapping.Empty : GrafanaAlertMapper.Map(webhook, options.ServiceLabel, now, errors);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), detail: "No alert was applied.");
        }

        var accepted = await ToolEventBatch.IngestAsync(mapping, ServiceLabels.NoServiceReason(options.ServiceLabel), now, ingestor);
        IntegrationLog.SkippedAlerts(logs.CreateLogger(typeof(GrafanaApi)), "Grafana", webhook!.Receiver, webhook.Alerts!.Count, accepted);
        return TypedResults.Accepted((string?)null, accepted);
    }

    private static ProblemHttpResult? CheckSignature(HttpRequest request, byte[] body, GrafanaOptions options, DateTimeOffset now)
    {
        var signature = request.Headers[options.SignatureHeader].ToString();
        if (signature.Length == 0 && options.SignatureHeader == GrafanaOptions.DefaultSignatureHeader)
        {
            signature = request.Headers[FallbackSignatureHeader].ToString();
        }

        var timestamped = !string.IsNullOrEmpty(options.TimestampHeader);
        var timestamp = timestamped ? request.Headers[options.TimestampHeader!].ToString() : null;
        var detail = GrafanaSignature.Verify(body, options.Secret!, signature, timestamped, timestamp, now) switch
        {
            SignatureCheck.Valid => null,
            SignatureCheck.Missing => timestamped
                ? $"Sign the webhook: set the contact point's HMAC secret, header '{options.SignatureHeader}' and timestamp header '{options.TimestampHeader}'."
                : $"Sign the webhook: set the contact point's HMAC secret and header '{options.SignatureHeader}'.",
            SignatureCheck.Expired => $"The signature's timestamp is more than {GrafanaSignature.MaxAge.TotalMinutes:0} minutes from this host's clock.",
            _ => "The signature does not match the body and the configured secret.",
        };
        return detail is null
            ? null
            : TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Invalid signature");
    }
}
