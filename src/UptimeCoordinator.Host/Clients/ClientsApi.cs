using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using UptimeCoordinator.Contracts.Clients;
using UptimeCoordinator.Contracts.Costs;
using UptimeCoordinator.Contracts.Notices;
using UptimeCoordinator.Domain;
using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Sla;
using UptimeCoordinator.Host.Auth;
using UptimeCoordinator.Host.Errors;
using UptimeCoordinator.Host.Hosting;
using UptimeCoordinator.Host.Paging;

namespace UptimeCoordinator.Host.Clients;

/// <summary><c>/api/v1/clients</c>: clients, what they see, and every notice sent to them.</summary>
public static class ClientsApi
{
    private static readonly TimeSpan MaxCostRange = TimeSpan.FromDays(400);
    private const int DefaultUptimeDays = 90;
    private const int MaxUptimeDays = 400;
    private const int MaxNoticeIdLength = 1000;

    public static RouteGroupBuilder MapClientsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/clients").WithTags("Clients");
        var ops = group.MapGroup("").RequireAuthorization(Roles.OpsPolicy);
        ops.MapPut("/{id}", PutAsync).WithName("PutClient").WithSummary("Create or replace a client with its subscriptions and contacts");
        ops.MapDelete("/{id}", DeleteAsync).WithName("DeleteClient").WithSummary("Remove a client and its notice log");
        ops.MapGet("/", ListAsync).WithName("ListClients").WithSummary("Clients, paginated by id");
        ops.MapPost("/{id}/notices/{noticeId}/retry", RetryNoticeAsync).WithName("RetryClientNotice")
            .WithSummary("Send a failed notice again, now, under the same notice id (so a receiver that got an earlier attempt can de-duplicate)");

        var readers = group.MapGroup("").RequireAuthorization(p => p.RequireRole(Roles.Ops, Roles.Client));
        readers.MapGet("/{id}", GetAsync).WithName("GetClient").WithSummary("A client (ops, or that client's own key)");
        readers.MapGet("/{id}/status", GetStatusAsync).WithName("GetClientStatus")
            .WithSummary("What the client sees: affected services, open incidents with stage, ETA, latest update and duration");
        readers.MapGet("/{id}/notices", ListNoticesAsync).WithName("ListClientNotices")
            .WithSummary("Every notice sent or due to the client's contacts, newest first, with its delivery state");
        readers.MapGet("/{id}/services", ServicesAsync).WithName("GetClientServices")
            .WithSummary("The services the client uses, each with the status the client sees now (its own, or worse through a dependency)");
        readers.MapGet("/{id}/uptime", UptimeAsync).WithName("GetClientUptime")
            .WithSummary("Per service the client uses, its uptime each day of the last days=1..400 (default 90) in the client's zone");
        readers.MapGet("/{id}/cost", CostAsync).WithName("GetClientCost")
            .WithSummary("Downtime cost over [from, to) (default: this month so far, in the client's zone), by incident and by service");
        readers.MapGet("/{id}/sla", SlaAsync).WithName("GetClientSla")
            .Produces<SlaReportView>().Produces<string>(StatusCodes.Status200OK, "text/csv")
            .WithSummary("The SLA of a calendar month in the client's zone (month=YYYY-MM, default this month): minutes, uptime, credit due; format=csv for finance");
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

    private static async Task<Results<Ok<ClientServicesView>, ProblemHttpResult>> ServicesAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        Readable(user, id) && await ClientServicesReader.ReadAsync(grains, id) is { } view
            ? TypedResults.Ok(view)
            : NotFound(id);

    private static async Task<Results<Ok<ClientUptimeView>, ValidationProblem, ProblemHttpResult>> UptimeAsync(
        string id, string? days, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!Readable(user, id))
        {
            return NotFound(id);
        }

        var count = DefaultUptimeDays;
        if (days is not null && (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxUptimeDays))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["days"] = [$"must be a whole number from 1 to {MaxUptimeDays}"] });
        }

        return await grains.GetGrain<IClientGrain>(id).UptimeAsync(count) is { } uptime ? TypedResults.Ok(uptime) : NotFound(id);
    }

    private static async Task<Results<Accepted<NoticeView>, ProblemHttpResult>> RetryNoticeAsync(string id, string noticeId, IGrainFactory grains)
    {
        if (!ClientId.IsValid(id) || noticeId.Length > MaxNoticeIdLength)
        {
            return NotFound(id);
        }

        var result = await grains.GetGrain<IClientGrain>(id).RetryNoticeAsync(noticeId);
        return result.Outcome switch
        {
            NoticeRetryOutcome.Retried => TypedResults.Accepted($"/api/v1/clients/{id}/notices", result.Notice!),
            NoticeRetryOutcome.NotFailed => Problems.Conflict("Notice not failed", $"Notice '{noticeId}' is {WireNames.Of(result.Notice!.State)}: only a failed notice is sent again."),
            _ => Problems.NotFound($"Notice '{noticeId}' of client '{id}'"),
        };
    }

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

    private static async Task<Results<Ok<ClientCostView>, ValidationProblem, ProblemHttpResult>> CostAsync(
        string id, string? from, string? to, ClaimsPrincipal user, IGrainFactory grains, TimeProvider time)
    {
        if (!Readable(user, id) || await grains.GetGrain<IClientGrain>(id).GetAsync() is not { } client)
        {
            return NotFound(id);
        }

        var errors = new ValidationErrors();
        var now = time.GetUtcNow();
        var end = QueryInstant.Parse(to, "to", errors) ?? now;
        var zone = TimeZones.Find(client.TimeZone);
        // The month the range ends in: a "to" at the first midnight of a month means the month before.
        var (year, month) = SlaMonth.Containing(zone, end.AddTicks(-1));
        var start = QueryInstant.Parse(from, "from", errors) ?? SlaMonth.Bounds(zone, year, month).From;
        if (errors.IsValid && start >= end)
        {
            errors.Add("from", "must be before to");
        }

        if (errors.IsValid && end - start > MaxCostRange)
        {
            errors.Add("from", $"the range may span at most {MaxCostRange.TotalDays:0} days");
        }

        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        return await grains.GetGrain<IClientGrain>(id).CostAsync(start, end) is { } cost
            ? TypedResults.Ok(cost)
            : Problems.Conflict("No cost profile", $"Client '{id}' has no costProfile, so its downtime has no price yet.");
    }

    private static async Task<IResult> SlaAsync(string id, string? month, string? format, ClaimsPrincipal user, IGrainFactory grains, TimeProvider time)
    {
        if (!Readable(user, id) || await grains.GetGrain<IClientGrain>(id).GetAsync() is not { } client)
        {
            return NotFound(id);
        }

        var errors = new ValidationErrors();
        var (year, number) = SlaMonth.Containing(TimeZones.Find(client.TimeZone), time.GetUtcNow());
        if (month is not null && !QueryMonth.TryParse(month, out year, out number))
        {
            errors.Add("month", QueryMonth.Expected);
        }

        if (format is not (null or "json" or "csv"))
        {
            errors.Add("format", "must be json or csv");
        }

        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        if (await grains.GetGrain<IClientGrain>(id).SlaAsync(year, number) is not { } sla)
        {
            return NotFound(id);
        }

        return format == "csv"
            ? Results.Text(sla.Csv, "text/csv; charset=utf-8")
            : TypedResults.Ok(sla.Report);
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
