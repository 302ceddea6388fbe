using Microsoft.AspNetCore.Http.HttpResults;
using UptimeCoordinator.Contracts.Clients;
using UptimeCoordinator.Contracts.Notices;
using UptimeCoordinator.Domain;
using UptimeCoordinator.Host.Auth;
using UptimeCoordinator.Host.Paging;

namespace UptimeCoordinator.Host.Notices;

/// <summary><c>/api/v1/notices</c>: notices across clients that need ops' attention.</summary>
public static class NoticesApi
{
    public static RouteGroupBuilder MapNoticesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/notices").WithTags("Notices").RequireAuthorization(Roles.OpsPolicy);
        group.MapGet("/failed", ListFailedAsync).WithName("ListFailedNotices")
            .WithSummary("Notices whose delivery failed, across every client, newest first; retry one with POST /api/v1/clients/{clientId}/notices/{noticeId}/retry");
        return group;
    }

    private static async Task<Results<Ok<Page<FailedNoticeView>>, ValidationProblem>> ListFailedAsync(string? limit, string? cursor, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        if (!PageRequest.TryParse(limit, cursor, errors, out var page))
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var failed = await grains.GetGrain<INoticeAttentionGrain>(INoticeAttentionGrain.Key).ListAsync(page.After, page.Limit);
        var views = await Task.WhenAll(failed.Items.Select(async e => (e.ClientId, View: await grains.GetGrain<IClientGrain>(e.ClientId).GetNoticeAsync(e.NoticeId))));

        // A client removed since keeps no notices: its entries show nothing rather than a ghost.
        var items = views.Where(v => v.View is not null).Select(v => FailedNoticeView.Of(v.ClientId, v.View!)).ToArray();
        return TypedResults.Ok(new Page<FailedNoticeView>(items, PageRequest.Encode(failed.NextAfter)));
    }
}
