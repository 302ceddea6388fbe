using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using UptimeCoordinator.Contracts.Clients;
using UptimeCoordinator.Contracts.Maintenance;
using UptimeCoordinator.Domain;
using UptimeCoordinator.Domain.Maintenance;
using UptimeCoordinator.Grains.Maintenance;
using UptimeCoordinator.Host.Auth;
using UptimeCoordinator.Host.Errors;
using UptimeCoordinator.Host.Paging;
using UptimeCoordinator.Host.Services;

namespace UptimeCoordinator.Host.Maintenance;

/// <summary>
/// <c>/api/v1/maintenance</c>: planned windows (schedule, list, reschedule, cancel), each window's
/// iCalendar invite, and the cheapest windows for some work.
/// </summary>
public static class MaintenanceApi
{
    private const int MaxIdLength = 200;

    private static readonly Dictionary<string, MaintenanceStage[]?> StateFilters = new(
        Enum.GetValues<MaintenanceStage>().Select(s => KeyValuePair.Create<string, MaintenanceStage[]?>(WireNames.Of(s), [s]))
            .Append(KeyValuePair.Create<string, MaintenanceStage[]?>("active", [MaintenanceStage.Scheduled, MaintenanceStage.InProgress]))
            .Append(KeyValuePair.Create<string, MaintenanceStage[]?>("all", null)),
        StringComparer.Ordinal);

    public static RouteGroupBuilder MapMaintenanceApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/maintenance").WithTags("Maintenance");
        var ops = group.MapGroup("").RequireAuthorization(Roles.OpsPolicy);
        ops.MapPost("/", ScheduleAsync).WithName("ScheduleMaintenance")
            .WithSummary("Schedule a window on services; every affected contact hears of it now and at each lead time. Warns of SLAs that will count it as downtime");
        ops.MapPost("/{id}/reschedule", RescheduleAsync).WithName("RescheduleMaintenance").WithSummary("Move a window that has not begun");
        ops.MapPost("/{id}/cancel", CancelAsync).WithName("CancelMaintenance").WithSummary("Call off a window that has not begun");
        ops.MapPost("/suggestions", SuggestAsync).WithName("SuggestMaintenanceWindows")
            .WithSummary("The cheapest windows for work of a given duration, ranked by expected downtime cost across every affected client");

        var readers = group.MapGroup("").RequireAuthorization(p => p.RequireRole(Roles.Ops, Roles.Client));
        readers.MapGet("/", ListAsync).WithName("ListMaintenance")
            .WithSummary("Windows by start; state=scheduled|in_progress|completed|cancelled|active|all, serviceId=. A client key sees the windows that reach its services");
        readers.MapGet("/{id}", GetAsync).WithName("GetMaintenance").WithSummary("One window, with the notices it handed out and when");
        readers.MapGet("/{id}/calendar.ics", CalendarAsync).WithName("GetMaintenanceCalendar")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar").WithSummary("The window's iCalendar invite, the same one its emails carry");
        return group;
    }

    private static async Task<Results<Created<MaintenanceView>, ValidationProblem>> ScheduleAsync(
        ScheduleMaintenanceRequest request, IGrainFactory grains, TimeProvider time, IOptions<MaintenanceOptions> options)
    {
        var errors = new ValidationErrors();
        var now = time.GetUtcNow();
        MaintenancePlanRules.CheckServices(request.ServiceIds, errors);
        MaintenancePlanRules.CheckTimes(request.Start, request.End, now, options.Value.MaxDuration, errors);
        MaintenancePlanRules.CheckTitle(request.Title, request.Description, errors);
        var leads = MaintenancePlanRules.LeadTimes(request.NoticeLeadTimes, options.Value.DefaultNoticeLeadTimes, errors);
        CheckBy(request.By, errors);
        if (!errors.IsValid || !await KnownServices.CheckAsync(grains, request.ServiceIds!, errors))
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var id = NewId(request.Start!.Value);
        var result = await grains.GetGrain<IMaintenanceGrain>(id).ScheduleAsync(new ScheduleMaintenance(
            [.. request.ServiceIds!.Distinct(StringComparer.Ordinal)], request.Start.Value, request.End!.Value, request.Title!.Trim(), Trimmed(request.Description),
            [.. leads], request.By ?? "ops"));
        return result.Outcome == MaintenanceCommandOutcome.Done
            ? TypedResults.Created($"/api/v1/maintenance/{id}", result.Window)
            : TypedResults.ValidationProblem(OverlapErrors(result));
    }

    private static async Task<Results<Ok<MaintenanceView>, ValidationProblem, ProblemHttpResult>> RescheduleAsync(
        string id, RescheduleMaintenanceRequest request, IGrainFactory grains, TimeProvider time, IOptions<MaintenanceOptions> options)
    {
        var errors = new ValidationErrors();
        MaintenancePlanRules.CheckTimes(request.Start, request.End, time.GetUtcNow(), options.Value.MaxDuration, errors);
        CheckBy(request.By, errors);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        if (!LooksLikeId(id))
        {
            return NotFound(id);
        }

        var result = await grains.GetGrain<IMaintenanceGrain>(id).RescheduleAsync(new RescheduleMaintenance(request.Start!.Value, request.End!.Value, request.By ?? "ops"));
        return result.Outcome switch
        {
            MaintenanceCommandOutcome.Done => TypedResults.Ok(result.Window!),
            MaintenanceCommandOutcome.Overlaps => TypedResults.ValidationProblem(OverlapErrors(result)),
            MaintenanceCommandOutcome.Conflict => Problems.Conflict("The window cannot be rescheduled now", result.Detail!),
            _ => NotFound(id),
        };
    }

    private static async Task<Results<Ok<MaintenanceView>, ValidationProblem, ProblemHttpResult>> CancelAsync(
        string id, CancelMaintenanceRequest? request, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        CheckBy(request?.By, errors);
        if (request?.Reason is { Length: > MaintenancePlanRules.MaxDescription })
        {
            errors.Add("reason", $"at most {MaintenancePlanRules.MaxDescription} characters");
        }

        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        if (!LooksLikeId(id))
        {
            return NotFound(id);
        }

        var result = await grains.GetGrain<IMaintenanceGrain>(id).CancelAsync(new CancelMaintenance(request?.By ?? "ops", Trimmed(request?.Reason)));
        return result.Outcome switch
        {
            MaintenanceCommandOutcome.Done => TypedResults.Ok(result.Window!),
            MaintenanceCommandOutcome.Conflict => Problems.Conflict("The window cannot be cancelled now", result.Detail!),
            _ => NotFound(id),
        };
    }

    private static async Task<Results<Ok<Page<MaintenanceView>>, ValidationProblem>> ListAsync(
        string? state, string? serviceId, string? limit, string? cursor, ClaimsPrincipal user, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        MaintenanceStage[]? stages = null;
        if (state is not null && !StateFilters.TryGetValue(state, out stages))
        {
            errors.Add("state", "must be scheduled, in_progress, completed, cancelled, active or all");
        }

        if (serviceId is not null && !Domain.Services.ServiceId.IsValid(serviceId))
        {
            errors.Add("serviceId", "must be a service id (a slug)");
        }

        if (!PageRequest.TryParse(limit, cursor, errors, out var page))
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var visible = await VisibleServicesAsync(user, grains);
        var entries = await Index(grains).ListAsync(new MaintenanceIndexQuery(stages, serviceId, visible, page.After, page.Limit + 1));
        var shown = entries.Take(page.Limit).ToArray();
        var views = await Task.WhenAll(shown.Select(e => grains.GetGrain<IMaintenanceGrain>(e.Id).GetAsync()));
        var next = entries.Length > page.Limit ? shown[^1].Id : null;
        return TypedResults.Ok(new Page<MaintenanceView>([.. views.OfType<MaintenanceView>().Select(v => AsSeenBy(user, v))], PageRequest.Encode(next)));
    }

    private static async Task<Results<Ok<MaintenanceView>, ProblemHttpResult>> GetAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        await ReadableAsync(id, user, grains) is { } view ? TypedResults.Ok(view) : NotFound(id);

    private static async Task<IResult> CalendarAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (await ReadableAsync(id, user, grains) is null || await grains.GetGrain<IMaintenanceGrain>(id).CalendarAsync() is not { } invite)
        {
            return NotFound(id);
        }

        return TypedResults.Text(invite, "text/calendar; charset=utf-8");
    }

    private static async Task<Results<Ok<SuggestionsView>, ValidationProblem>> SuggestAsync(
        SuggestionsRequest request, IGrainFactory grains, TimeProvider time, IOptions<MaintenanceOptions> options)
    {
        var errors = new ValidationErrors();
        if (MaintenanceSuggestions.Map(request, time.GetUtcNow(), options.Value.MaxDuration, errors) is not { } query
            || !await KnownServices.CheckAsync(grains, request.ServiceIds!, errors))
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        return TypedResults.Ok(await MaintenanceSuggestions.RunAsync(grains, query));
    }

    /// <summary>The window, if the caller may see it: ops see all; a client key sees windows that reach one of its services.</summary>
    private static async Task<MaintenanceView?> ReadableAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!LooksLikeId(id) || await grains.GetGrain<IMaintenanceGrain>(id).GetAsync() is not { } view)
        {
            return null;
        }

        var visible = await VisibleServicesAsync(user, grains);
        return visible is null || view.AffectedServiceIds.Intersect(visible, StringComparer.Ordinal).Any() ? AsSeenBy(user, view) : null;
    }

    /// <summary>
    /// A window shared by several clients warns about each one whose SLA asks for more notice; a
    /// client's key sees only its own warning, since the others name other clients and their terms.
    /// </summary>
    private static MaintenanceView AsSeenBy(ClaimsPrincipal user, MaintenanceView view)
    {
        if (user.IsInRole(Roles.Ops))
        {
            return view;
        }

        var clientId = user.FindFirstValue(Roles.ClientIdClaim);
        return view with { SlaWarnings = [.. view.SlaWarnings.Where(w => w.ClientId == clientId)] };
    }

    /// <summary>Null for ops (everything); a client's subscribed services for its key.</summary>
    private static async Task<string[]?> VisibleServicesAsync(ClaimsPrincipal user, IGrainFactory grains)
    {
        if (user.IsInRole(Roles.Ops))
        {
            return null;
        }

        var clientId = user.FindFirstValue(Roles.ClientIdClaim);
        var client = clientId is null ? null : await grains.GetGrain<IClientGrain>(clientId).GetAsync();
        return client is null ? [] : [.. client.Subscriptions.Select(s => s.ServiceId)];
    }

    private static Dictionary<string, string[]> OverlapErrors(MaintenanceCommandResult result) => new()
    {
        ["start"] = [.. result.Overlapping.Select(w => string.Create(
            CultureInfo.InvariantCulture,
            $"overlaps window '{w.Id}' ({w.Title}) on {string.Join(", ", w.ServiceIds)} from {w.Start.UtcDateTime:u} to {w.End.UtcDateTime:u}"))],
    };

    private static void CheckBy(string? by, ValidationErrors errors)
    {
        if (by is not null && (string.IsNullOrWhiteSpace(by) || by.Length > MaintenancePlanRules.MaxTitle))
        {
            errors.Add("by", $"must be a name of 1 to {MaintenancePlanRules.MaxTitle} characters");
        }
    }

    // Readable (the UTC start) and unique: the random part keeps two windows planned for one minute apart.
    private static string NewId(DateTimeOffset start) =>
        string.Create(CultureInfo.InvariantCulture, $"mw-{start.UtcDateTime:yyyyMMdd'T'HHmm'Z'}-{Guid.NewGuid():N}")[..26];

    private static bool LooksLikeId(string id) => id.Length <= MaxIdLength && Domain.Services.ServiceId.IsValid(id.ToLowerInvariant());

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static IMaintenanceIndexGrain Index(IGrainFactory grains) => grains.GetGrain<IMaintenanceIndexGrain>(IMaintenanceIndexGrain.Key);

    private static ProblemHttpResult NotFound(string id) => Problems.NotFound($"Maintenance window '{id}'");
}
