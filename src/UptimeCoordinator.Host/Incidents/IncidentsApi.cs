using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using UptimeCoordinator.Contracts.Clients;
using UptimeCoordinator.Contracts.Incidents;
using UptimeCoordinator.Domain;
using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Host.Auth;
using UptimeCoordinator.Host.Costs;
using UptimeCoordinator.Host.Hosting;
using UptimeCoordinator.Host.Clients;
using UptimeCoordinator.Host.Errors;
using UptimeCoordinator.Host.Paging;
using UptimeCoordinator.Host.Services;

namespace UptimeCoordinator.Host.Incidents;

/// <summary>
/// <c>/api/v1/incidents</c>: incidents with their timelines; the responders' actions (declare,
/// acknowledge, update, resolve, confirm or dismiss a report); clients' reports and answers; and
/// the response figures.
/// </summary>
public static class IncidentsApi
{
    private const int MaxIdLength = 200;

    public static RouteGroupBuilder MapIncidentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/incidents").WithTags("Incidents");
        var ops = group.MapGroup("").RequireAuthorization(Roles.OpsPolicy);
        ops.MapGet("/", ListAsync).WithName("ListIncidents").WithSummary("Incidents, newest first; state=open (default) or all; include=cost adds each one's running cost and affected clients");
        ops.MapGet("/stats", StatsAsync).WithName("GetIncidentStats")
            .WithSummary("MTTA, MTTR, mean time to client notice, mean rating and reopen rate of incidents opened in [from, to) (default: the last 30 days)");
        ops.MapGet("/{id}", GetAsync).WithName("GetIncident")
            .WithSummary("An incident with its timeline, resolution, client answers, figures and running cost per client and in total");
        ops.MapPost("/{id}/acknowledge", AcknowledgeAsync).WithName("AcknowledgeIncident").WithSummary("Acknowledge a detected incident, with an ETA if known");
        ops.MapPost("/{id}/updates", PostUpdateAsync).WithName("PostIncidentUpdate").WithSummary("Post a public update; moves the stage and the ETA");
        ops.MapPost("/{id}/resolve", ResolveAsync).WithName("ResolveIncident").WithSummary("Resolve with a summary, actions taken, time spent and follow-ups");
        ops.MapPost("/{id}/confirm", ConfirmAsync).WithName("ConfirmIncident").WithSummary("Confirm a client's report: it becomes a detected incident");
        ops.MapPost("/{id}/dismiss", DismissAsync).WithName("DismissIncident").WithSummary("Dismiss a client's report: nothing found");

        group.MapPost("/", CreateAsync).RequireAuthorization(p => p.RequireRole(Roles.Ops, Roles.Client))
            .Produces<IncidentView>(StatusCodes.Status201Created).Produces<IncidentView>().Produces<ReportAccepted>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CreateIncident")
            .WithSummary("Ops declare an incident on services; a client key (or ops with clientId) reports a problem, which opens a suspected incident");
        group.MapPost("/{id}/feedback", FeedbackAsync).AllowAnonymous()
            .Produces<FeedbackAccepted>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("PostIncidentFeedback")
            .WithSummary("A client's answer to the follow-up or survey: ops, the client's own key, or the token its notice carried");
        return group;
    }

    private static async Task<Results<Ok<Page<IncidentView>>, ValidationProblem>> ListAsync(
        string? state, string? include, string? limit, string? cursor, IGrainFactory grains, TimeProvider time)
    {
        var errors = new ValidationErrors();
        if (state is not (null or "open" or "all"))
        {
            errors.Add("state", "must be open or all");
        }

        if (include is not (null or "cost"))
        {
            errors.Add("include", "must be cost: each incident's running cost and the clients it reaches");
        }

        if (!PageRequest.TryParse(limit, cursor, errors, out var page))
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var ids = await grains.GetGrain<IIncidentIndexGrain>(IIncidentIndexGrain.Key).ListAsync(state != "all", page.After, page.Limit);
        var now = time.GetUtcNow();
        var views = await Task.WhenAll(ids.Ids.Select(async i =>
        {
            var view = await grains.GetGrain<IIncidentGrain>(i).GetAsync();
            return view is not null && include == "cost" ? await CostAcrossClients.AddToAsync(grains, view, now) : view;
        }));
        return TypedResults.Ok(new Page<IncidentView>([.. views.OfType<IncidentView>()], PageRequest.Encode(ids.NextAfter)));
    }

    private static async Task<Results<Ok<IncidentView>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains, TimeProvider time) =>
        id.Length <= MaxIdLength && await grains.GetGrain<IIncidentGrain>(id).GetAsync() is { } view
            ? TypedResults.Ok(await CostAcrossClients.AddToAsync(grains, view, time.GetUtcNow()))
            : NotFound(id);

    private static async Task<Results<Ok<IncidentStatsView>, ValidationProblem>> StatsAsync(string? from, string? to, IGrainFactory grains, TimeProvider time)
    {
        var errors = new ValidationErrors();
        var end = QueryInstant.Parse(to, "to", errors) ?? time.GetUtcNow();
        var start = QueryInstant.Parse(from, "from", errors) ?? end.AddDays(-30);
        if (errors.IsValid && start >= end)
        {
            errors.Add("from", "must be before to");
        }

        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        return TypedResults.Ok(await grains.GetGrain<IIncidentIndexGrain>(IIncidentIndexGrain.Key).StatsAsync(start, end));
    }

    private static async Task<IResult> CreateAsync(CreateIncidentRequest request, ClaimsPrincipal user, IGrainFactory grains, TimeProvider time)
    {
        var errors = new ValidationErrors();
        var ownClient = user.FindFirstValue(Roles.ClientIdClaim);
        var isOps = user.IsInRole(Roles.Ops);
        var reporter = isOps ? request.ClientId : ownClient;
        if (!isOps && request.ClientId is { } named && named != ownClient)
        {
            // Another client's id is "not found" to a client key, as everywhere else.
            return NotFoundClient(named);
        }

        if (!isOps && request.By is not null)
        {
            errors.Add("by", "a client's report is by that client");
        }

        var creation = new IncidentCreation(grains, time);
        if (reporter is null)
        {
            if (IncidentRequestMapper.MapDeclaration(request, errors) is not { } declaration
                || !await KnownServices.CheckAsync(grains, declaration.ServiceIds, errors))
            {
                return TypedResults.ValidationProblem(errors.ToDictionary());
            }

            return Created(await creation.DeclareAsync(declaration), "Incident cannot be declared");
        }

        if (!ClientId.IsValid(reporter) || await grains.GetGrain<IClientGrain>(reporter).GetAsync() is not { } client)
        {
            return isOps ? ValidationProblem("clientId", "unknown client") : NotFoundClient(reporter);
        }

        if (IncidentRequestMapper.MapReport(request, reporter, errors) is not { } report)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        for (var i = 0; i < report.ServiceIds.Length; i++)
        {
            if (client.Subscriptions.All(s => s.ServiceId != report.ServiceIds[i]))
            {
                errors.Add($"serviceIds[{i}]", $"client '{reporter}' does not use service '{report.ServiceIds[i]}'");
            }
        }

        if (report.ContactId is { } contact && client.Contacts.All(c => c.Id != contact))
        {
            errors.Add("contactId", $"client '{reporter}' has no contact '{contact}'");
        }

        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var reported = await creation.ReportAsync(report);

        // A client sees its own report taken, not the incident's other reports, answers or responders.
        return isOps || reported.Incident is not { } incident
            ? Created(reported, "Problem cannot be reported")
            : Created(reported, new ReportAccepted(incident.Id, WireNames.Of(incident.Stage), reported.Outcome == IncidentCommandOutcome.Joined));
    }

    private static Task<Results<Ok<IncidentView>, ValidationProblem, ProblemHttpResult>> AcknowledgeAsync(
        string id, AcknowledgeRequest request, IGrainFactory grains, TimeProvider time) =>
        RunAsync(id, errors => IncidentRequestMapper.Map(request, time.GetUtcNow(), errors), (g, c) => g.AcknowledgeAsync(c), grains, "Incident cannot be acknowledged");

    private static Task<Results<Ok<IncidentView>, ValidationProblem, ProblemHttpResult>> PostUpdateAsync(
        string id, UpdateRequest request, IGrainFactory grains, TimeProvider time) =>
        RunAsync(id, errors => IncidentRequestMapper.Map(request, time.GetUtcNow(), errors), (g, c) => g.PostUpdateAsync(c), grains, "Update cannot be posted");

    private static Task<Results<Ok<IncidentView>, ValidationProblem, ProblemHttpResult>> ResolveAsync(
        string id, ResolveRequest request, IGrainFactory grains) =>
        RunAsync(id, errors => IncidentRequestMapper.Map(request, errors), (g, c) => g.ResolveAsync(c), grains, "Incident cannot be resolved");

    private static Task<Results<Ok<IncidentView>, ValidationProblem, ProblemHttpResult>> ConfirmAsync(
        string id, VerdictRequest request, IGrainFactory grains) =>
        RunAsync(id, errors => IncidentRequestMapper.Map(request, errors), (g, c) => g.ConfirmAsync(c), grains, "Incident cannot be confirmed");

    private static Task<Results<Ok<IncidentView>, ValidationProblem, ProblemHttpResult>> DismissAsync(
        string id, VerdictRequest request, IGrainFactory grains) =>
        RunAsync(id, errors => IncidentRequestMapper.Map(request, errors), (g, c) => g.DismissAsync(c), grains, "Incident cannot be dismissed");

    private static async Task<IResult> FeedbackAsync(string id, FeedbackRequest request, ClaimsPrincipal user, IGrainFactory grains, HttpContext http)
    {
        var isOps = user.IsInRole(Roles.Ops);
        var ownClient = user.FindFirstValue(Roles.ClientIdClaim);
        if (!isOps && ownClient is null && request.Token is null)
        {
            if (user.Identity?.IsAuthenticated == true)
            {
                // A valid key of another role, such as monitor: it is known, it just may not do this.
                return TypedResults.Problem("This API key's role may not do this.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
            }

            http.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem(
                "Send an API key (ops, or the client's own), or the token from the follow-up or survey notice.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
        }

        if (!isOps && ownClient is not null && request.ClientId is { } named && named != ownClient)
        {
            return NotFoundClient(named);
        }

        var errors = new ValidationErrors();
        if (id.Length > MaxIdLength || IncidentRequestMapper.Map(request, errors) is not { } feedback)
        {
            return errors.IsValid ? NotFound(id) : TypedResults.ValidationProblem(errors.ToDictionary());
        }

        // Ops and the client's own key vouch for the sender; anyone else must hold the contact's token.
        var token = isOps || ownClient == feedback.ClientId ? null : request.Token;
        switch (await grains.GetGrain<IClientGrain>(feedback.ClientId).CheckFeedbackAsync(id, feedback.ContactId, token))
        {
            case FeedbackCheck.UnknownClient:
                return isOps ? ValidationProblem("clientId", "unknown client") : NotFoundClient(feedback.ClientId);
            case FeedbackCheck.UnknownContact:
                return ValidationProblem("contactId", $"client '{feedback.ClientId}' has no contact '{feedback.ContactId}'");
            case FeedbackCheck.UnknownIncident:
                return NotFound(id);
            case FeedbackCheck.BadToken:
                return TypedResults.Problem("The token does not belong to this incident and contact.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
        }

        var before = await grains.GetGrain<IIncidentGrain>(id).GetAsync();
        var result = await grains.GetGrain<IIncidentGrain>(id).RecordFeedbackAsync(feedback);
        return result.Outcome switch
        {
            IncidentCommandOutcome.NotFound => NotFound(id),
            IncidentCommandOutcome.Conflict => Problems.Conflict("Feedback cannot be recorded", result.Detail!),
            _ => TypedResults.Ok(new FeedbackAccepted(
                id, before?.ReopenCount < result.Incident!.ReopenCount, WireNames.Of(result.Incident.Stage))),
        };
    }

    private static async Task<Results<Ok<IncidentView>, ValidationProblem, ProblemHttpResult>> RunAsync<TCommand>(
        string id, Func<ValidationErrors, TCommand?> map, Func<IIncidentGrain, TCommand, Task<IncidentCommandResult>> run, IGrainFactory grains, string refusedTitle)
        where TCommand : class
    {
        var errors = new ValidationErrors();
        if (id.Length > MaxIdLength)
        {
            return NotFound(id);
        }

        if (map(errors) is not { } command)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var result = await run(grains.GetGrain<IIncidentGrain>(id), command);
        return result.Outcome switch
        {
            IncidentCommandOutcome.NotFound => NotFound(id),
            IncidentCommandOutcome.Conflict => Problems.Conflict(refusedTitle, result.Detail!),
            _ => TypedResults.Ok(result.Incident!),
        };
    }

    private static IResult Created(IncidentCommandResult result, ReportAccepted accepted) => result.Outcome switch
    {
        IncidentCommandOutcome.Done => TypedResults.Created($"/api/v1/incidents/{accepted.Id}", accepted),
        _ => TypedResults.Ok(accepted),
    };

    private static IResult Created(IncidentCommandResult result, string refusedTitle) => result.Outcome switch
    {
        IncidentCommandOutcome.Done => TypedResults.Created($"/api/v1/incidents/{result.Incident!.Id}", result.Incident),
        IncidentCommandOutcome.Joined => TypedResults.Ok(result.Incident),
        _ => Problems.Conflict(refusedTitle, result.Detail ?? "The incident could not be opened."),
    };


    private static ValidationProblem ValidationProblem(string path, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [path] = [message] });

    private static ProblemHttpResult NotFound(string id) => Problems.NotFound($"Incident '{id}'");

    private static ProblemHttpResult NotFoundClient(string id) => Problems.NotFound($"Client '{id}'");
}
