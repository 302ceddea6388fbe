using Microsoft.AspNetCore.Http.HttpResults;
using UptimeCoordinator.Contracts.Services;
using UptimeCoordinator.Domain;
using UptimeCoordinator.Domain.Services;
using UptimeCoordinator.Host.Auth;
using UptimeCoordinator.Host.Costs;
using UptimeCoordinator.Host.Errors;
using UptimeCoordinator.Host.Events;
using UptimeCoordinator.Host.Paging;

namespace UptimeCoordinator.Host.Services;

/// <summary>The service catalogue: <c>/api/v1/services</c>.</summary>
public static class ServicesApi
{
    public static RouteGroupBuilder MapServicesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/services").WithTags("Services").RequireAuthorization(Roles.OpsPolicy);
        group.MapPut("/{id}", PutAsync).WithName("PutService").WithSummary("Create or replace a service");
        group.MapGet("/{id}", GetAsync).WithName("GetService").WithSummary("A service with its live status and the running cost of its open outage across its clients");
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteService").WithSummary("Remove a service");
        group.MapGet("/", ListAsync).WithName("ListServices").WithSummary("The catalogue, paginated by id");
        return group;
    }

    private static async Task<Results<Created<ServiceView>, Ok<ServiceView>, ValidationProblem>> PutAsync(
        string id, ServiceRequest request, IGrainFactory grains)
    {
        var definition = new ServiceDefinition(
            id,
            request.Name ?? "",
            request.Description,
            request.Group,
            request.DependsOn ?? [],
            new DetectionPolicy(request.Detection?.FailureThreshold ?? 1, request.Detection?.RecoveryThreshold ?? 1));
        var errors = ServiceDefinitionValidator.Validate(definition);
        if (request.Id is not null && request.Id != id)
        {
            errors.Add("id", $"'{request.Id}' does not match the id in the path, '{id}'");
        }

        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var spec = new ServiceSpec(definition.Name, definition.Description, definition.Group, [.. definition.DependsOn],
            new DetectionSettings(definition.Detection.FailureThreshold, definition.Detection.RecoveryThreshold));
        var result = await grains.GetGrain<IServiceGrain>(id).DefineAsync(spec);
        return result.Outcome switch
        {
            DefineServiceOutcome.Created => TypedResults.Created($"/api/v1/services/{id}", result.Service),
            DefineServiceOutcome.Updated => TypedResults.Ok(result.Service),
            _ => TypedResults.ValidationProblem(DependencyErrors(result.Dependencies)),
        };
    }

    private static async Task<Results<Ok<ServiceView>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains, TimeProvider time) =>
        ServiceId.IsValid(id) && await grains.GetGrain<IServiceGrain>(id).GetAsync() is { } view
            ? TypedResults.Ok(view.OpenIncidentId is { } incidentId
                ? view with { OpenOutageCost = await CostAcrossClients.OfIncidentAsync(grains, incidentId, [id], time.GetUtcNow()) }
                : view)
            : Problems.NotFound($"Service '{id}'");

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, IGrainFactory grains, EventIngestor ingestor)
    {
        if (!ServiceId.IsValid(id))
        {
            return Problems.NotFound($"Service '{id}'");
        }

        var result = await grains.GetGrain<IServiceGrain>(id).RemoveAsync();
        if (result.Outcome == RemoveServiceOutcome.Removed)
        {
            ingestor.Forget(id);
        }

        return result.Outcome switch
        {
            RemoveServiceOutcome.Removed => TypedResults.NoContent(),
            RemoveServiceOutcome.NotFound => Problems.NotFound($"Service '{id}'"),
            RemoveServiceOutcome.HasDependents => Problems.Conflict(
                "Service has dependents",
                $"Services {string.Join(", ", result.Dependents)} depend on '{id}'; remove it from their dependsOn first."),
            RemoveServiceOutcome.HandOverPending => Problems.Conflict(
                "Service is still updating its incident",
                $"A status change of '{id}' has not reached incident '{result.OpenIncidentId}' yet; retry shortly."),
            RemoveServiceOutcome.HasMaintenance => Problems.Conflict(
                "Service has planned maintenance",
                $"Maintenance window '{result.MaintenanceWindowId}' is planned or running on '{id}'; cancel it or let it complete first."),
            RemoveServiceOutcome.HasSubscribers => Problems.Conflict(
                "Service has subscribed clients",
                $"Clients subscribe to '{id}'; remove it from their subscriptions first."),
            _ => Problems.Conflict(
                "Service has an open incident",
                $"Incident '{result.OpenIncidentId}' is open for '{id}'; it must be resolved first."),
        };
    }

    private static Task<Results<Ok<Page<ServiceView>>, ValidationProblem>> ListAsync(string? limit, string? cursor, IGrainFactory grains) =>
        IndexListing.ListAsync(
            limit,
            cursor,
            grains.GetGrain<IServiceCatalogGrain>(IServiceCatalogGrain.Key).ListAsync,
            id => grains.GetGrain<IServiceGrain>(id).GetAsync());

    private static Dictionary<string, string[]> DependencyErrors(DependencyCheckResult check)
    {
        var errors = new ValidationErrors();
        foreach (var unknown in check.UnknownServices)
        {
            errors.Add("dependsOn", $"unknown service '{unknown}'");
        }

        if (check.Cycle.Length > 0)
        {
            errors.Add("dependsOn", $"would create a dependency cycle: {string.Join(" -> ", check.Cycle)}");
        }

        return errors.ToDictionary();
    }
}
