using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace UptimeCoordinator.Host.Hosting;

/// <summary>
/// Adds the answers any API operation may give besides its own: 503 while the cluster or its storage
/// is in trouble, and 429 over a key's rate limit where a key is required; both say when to retry.
/// </summary>
internal sealed class RetryResponsesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Responses ??= [];
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var needsKey = (metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<AuthorizationPolicy>().Any()) &&
                       !metadata.OfType<IAllowAnonymous>().Any();
        if (needsKey)
        {
            operation.Responses.TryAdd("429", Response("This API key is over its rate limit (RateLimiting:*, per key and role)."));
        }

        operation.Responses.TryAdd("503", Response("The cluster or its storage could not complete the request just now; it was not acknowledged."));
        return Task.CompletedTask;
    }

    private static OpenApiResponse Response(string description) => new()
    {
        Description = description,
        Headers = new Dictionary<string, IOpenApiHeader>
        {
            ["Retry-After"] = new OpenApiHeader
            {
                Description = "Seconds to wait before retrying.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
            },
        },
        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() },
    };
}
