using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using UptimeCoordinator.Contracts.Clients;
using UptimeCoordinator.Contracts.Notices;
using UptimeCoordinator.Domain;
using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Host.Auth;
using UptimeCoordinator.Host.Errors;
using UptimeCoordinator.Host.Paging;

namespace UptimeCoordinator.Host.Clients;

/// <summary><c>/api/v1/clients</c>: clients, what they see, and every notice sent to them.</summary>
public static class ClientsApi
{
    public static RouteGroupBuilder MapClientsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/clients").WithTags("Clients");
        var ops = group.MapGroup("").RequireAuthorization(Roles.OpsPolicy);
        ops.MapPut("/{id}", PutAsync).WithName("PutClient").WithSummary("Create or replace a client with its subscriptions and contacts");
        ops.MapDelete("/{id}", DeleteAsync).WithName("DeleteClient").WithSummary("Remove a client and its notice log");
        ops.MapGet("/", ListAsync).WithName("ListClients").WithSummary("Clients, paginated by id");

        var readers = group.MapGroup("").RequireAuthorization(p => p.RequireRole(Roles.Ops, Roles.Client));
        readers.MapGet("/{id}", GetAsync).WithName("GetClient").WithSummary("A client (ops, or that client's own key)");
        readers.MapGet("/{id}/status", GetStatusAsync).WithName("GetClientStatus")
            .WithSummary("What the client sees: affected services, open incidents with stage, ETA, latest update and duration");
        readers.MapGet("/{id}/notices", ListNoticesAsync).WithName("ListClientNotices")
            .WithSummary("Every notice sent or due to the client's contacts, newest first, with its delivery state");
        return group;
    }

    private static async Task<Results<Created<ClientView>, Ok<ClientView>, ValidationProblem>> PutAsync(
        string id, ClientRequest request, WebhookTargetPolicy targets, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        if (ClientRequestMapper.Map(id, request, targets.AllowPrivateNetworks, errors) is not { } spec)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var result = await grains.GetGrain<IClientGrain>(id).DefineAsync(spec);
        switch (result.Outcome)
        {
            case DefineClientOutcome.Created:
                return TypedResults.Created($"/api/v1/clients/{id}", result.Client);
            case DefineClientOutcome.Updated:
                return TypedResults.Ok(result.Client);
            default:
                foreach (var unknown in result.UnknownServices)
                {
                    var index = Array.FindIndex(spec.Subscriptions, s => s.ServiceId == unknown);
                    errors.Add($"subscriptions[{index}].serviceId", $"unknown service '{unknown}'");
                }

                return TypedResults.ValidationProblem(errors.ToDictionary());
        }
    }

    private static async Task<Results<Ok<ClientView>, ProblemHttpResult>> GetAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        Readable(user, id) && await grains.GetGrain<IClientGrain>(id).GetAsync() is { } view
            ? TypedResults.Ok(view)
            : NotFound(id);

    private static async Task<Results<Ok<ClientStatusView>, ProblemHttpResult>> GetStatusAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        Readable(user, id) && await grains.GetGrain<IClientGrain>(id).GetStatusAsync() is { } view
            ? TypedResults.Ok(view)
            : NotFound(id);

    private static async Task<Results<Ok<Page<NoticeView>>, ValidationProblem, ProblemHttpResult>> ListNoticesAsync(
        string id, string? limit, string? cursor, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!Readable(user, id))
        {
            return NotFound(id);
        }

        var errors = new ValidationErrors();
        if (!PageRequest.TryParse(limit, cursor, errors, out var page))
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        return await grains.GetGrain<IClientGrain>(id).ListNoticesAsync(page.After, page.Limit) is { } notices
            ? TypedResults.Ok(new Page<NoticeView>(notices.Items, PageRequest.Encode(notices.NextAfter)))
            : NotFound(id);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, IGrainFactory grains) =>
        ClientId.IsValid(id) && await grains.GetGrain<IClientGrain>(id).RemoveAsync()
            ? TypedResults.NoContent()
            : NotFound(id);

    private static Task<Results<Ok<Page<ClientView>>, ValidationProblem>> ListAsync(string? limit, string? cursor, IGrainFactory grains) =>
        IndexListing.ListAsync(
            limit,
            cursor,
            grains.GetGrain<IClientCatalogGrain>(IClientCatalogGrain.Key).ListAsync,
            id => grains.GetGrain<IClientGrain>(id).GetAsync());

    private static bool Readable(ClaimsPrincipal user, string id) => ClientId.IsValid(id) && ClientAccess.CanRead(user, id);

    private static ProblemHttpResult NotFound(string id) => Problems.NotFound($"Client '{id}'");
}
