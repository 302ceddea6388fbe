using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace UptimeCoordinator.Host.Hosting;

/// <summary>Describes the API-key bearer scheme in the OpenAPI document.</summary>
internal sealed class ApiKeySecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "UptimeCoordinator API";
        document.Info.Description = "Health events in; incidents, status and notices out. Authenticate with 'Authorization: Bearer <api key>' or 'X-Api-Key'.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["apiKey"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key from Auth:ApiKeys; its role (ops, monitor, client:<id>) decides what it may do.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("apiKey", document)] = [] }];
        return Task.CompletedTask;
    }
}
