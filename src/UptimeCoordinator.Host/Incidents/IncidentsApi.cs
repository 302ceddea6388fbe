using Microsoft.AspNetCore.Http.HttpResults;
using UptimeCoordinator.Contracts.Incidents;
using UptimeCoordinator.Domain;
using UptimeCoordinator.Host.Auth;
using UptimeCoordinator.Host.Errors;
using UptimeCoordinator.Host.Paging;

namespace UptimeCoordinator.Host.Incidents;

/// <summary><c>/api/v1/incidents</c>: incidents with their timelines.</summary>
public static class IncidentsApi
{
    public static RouteGroupBuilder MapIncidentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/incidents").WithTags("Incidents").RequireAuthorization(Roles.OpsPolicy);
        group.MapGet("/", ListAsync).WithName("ListIncidents").WithSummary("Incidents, newest first; state=open (default) or all");
        group.MapGet("/{id}", GetAsync).WithName("GetIncident").WithSummary("An incident with its timeline");
        return group;
    }

    private static async Task<Results<Ok<Page<IncidentView>>, ValidationProblem>> ListAsync(
        string? state, string? limit, string? cursor, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        if (state is not (null or "open" or "all"))
        {
            errors.Add("state", "must be open or all");
        }

        if (!PageRequest.TryParse(limit, cursor, errors, out var page))
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var ids = await grains.GetGrain<IIncidentIndexGrain>(IIncidentIndexGrain.Key).ListAsync(state != "all", page.After, page.Limit);
        var views = await Task.WhenAll(ids.Ids.Select(i => grains.GetGrain<IIncidentGrain>(i).GetAsync()));
        return TypedResults.Ok(new Page<IncidentView>([.. views.OfType<IncidentView>()], PageRequest.Encode(ids.NextAfter)));
    }

    private static async Task<Results<Ok<IncidentView>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains) =>
        id.Length <= 200 && await grains.GetGrain<IIncidentGrain>(id).GetAsync() is { } view
            ? TypedResults.Ok(view)
            : Problems.NotFound($"Incident '{id}'");
}
