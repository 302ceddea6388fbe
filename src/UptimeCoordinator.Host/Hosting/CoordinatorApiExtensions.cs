using System.Text.Json.Serialization;
using UptimeCoordinator.Host.Errors;
using UptimeCoordinator.Host.Events;
using UptimeCoordinator.Host.Probes;

namespace UptimeCoordinator.Host.Hosting;

/// <summary>HTTP-side wiring: JSON conventions, problem details, OpenAPI, probes and the listening address.</summary>
public static class CoordinatorApiExtensions
{
    public const string DefaultUrl = "http://localhost:5080";

    public static WebApplicationBuilder AddCoordinatorApi(this WebApplicationBuilder builder)
    {
        // DESIGN.md promises 5080 unless --urls or ASPNETCORE_URLS says otherwise (both land in "urls").
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = RequestSizeLimit.MaxBodyBytes);

        // ASP.NET Core's request lines carry the whole URL, and page sign-in links and feedback links carry a
        // key or a token in their query: never logged, whatever level an operator sets (a rule added here comes
        // after the configuration's, so it wins for this category).
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            // A misspelt field in a request is an error, not a silently ignored default.
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.Converters.Add(new Rfc3339DateTimeOffsetConverter());
            o.SerializerOptions.Converters.Add(new NamedEnumConverter());
        });
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddCoordinatorProblemDetails();
        builder.Services.AddSingleton<EventIngestor>();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer<ApiKeySecurityTransformer>().AddOperationTransformer<RetryResponsesTransformer>());
        builder.Services.AddHealthChecks().AddCheck<SiloReadinessCheck>("silo-and-storage", tags: [ProbesApi.ReadyTag]);
        return builder;
    }
}
