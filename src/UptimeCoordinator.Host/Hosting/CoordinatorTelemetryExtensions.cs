using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using UptimeCoordinator.Domain.Observability;

namespace UptimeCoordinator.Host.Hosting;

/// <summary>
/// OpenTelemetry: the product's meter, Orleans', the runtime's and ASP.NET Core's, scraped at
/// <c>/metrics</c>; and, when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, OTLP export of both and of traces
/// across HTTP, grains and outgoing webhooks.
/// </summary>
public static class CoordinatorTelemetryExtensions
{
    public const string ServiceName = "uptime-coordinator";
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddCoordinatorTelemetry(this WebApplicationBuilder builder)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter(UptimeMetrics.MeterName, "Microsoft.Orleans")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        builder.Services.AddHostedService<ClusterGauges>();

        // Spans are recorded only when there is somewhere to send them: recording every request's and every grain
        // call's spans for no one cost a fifth of the ingest throughput (docs/benchmarks.md).
        if (ExportsTraces(builder.Configuration))
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(UptimeTracing.SourceName, "Microsoft.Orleans.Application", "Microsoft.Orleans.Runtime")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = RedactUrl));
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>Whether spans are recorded and sent anywhere: an OTLP endpoint is configured.</summary>
    public static bool ExportsTraces(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    /// <summary>Serves <c>/metrics</c> to anyone who can reach it, as Prometheus scrapers expect.</summary>
    public static WebApplication MapCoordinatorMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();
        return app;
    }

    // Webhook and Slack URLs carry their secret in the path or query: a trace keeps only where the call went.
    private static void RedactUrl(System.Diagnostics.Activity activity, HttpRequestMessage request)
    {
        if (request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            activity.SetTag("url.full", $"{uri.Scheme}://{uri.Authority}/");
            activity.SetTag("url.path", null);
            activity.SetTag("url.query", null);
        }
    }
}
