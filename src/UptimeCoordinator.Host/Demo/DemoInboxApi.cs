using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using UptimeCoordinator.Host.Errors;
using UptimeCoordinator.Host.Integrations;
using UptimeCoordinator.Host.Paging;

namespace UptimeCoordinator.Host.Demo;

/// <summary>
/// The demo inbox: <c>POST /demo/inbox/{clientId}/{contactId}</c> receives the seeded contacts'
/// webhooks, <c>GET /demo/inbox</c> shows them and <c>GET /demo/inbox.json</c> feeds that page.
/// Anonymous: it exists only in demo mode, which runs only in Development.
/// </summary>
internal static class DemoInboxApi
{
    public const string InboxPath = "/demo/inbox";

    public static IEndpointRouteBuilder MapDemoInbox(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(InboxPath).AllowAnonymous().ExcludeFromDescription();
        group.MapPost("/{clientId}/{contactId}", ReceiveAsync).DisableAntiforgery();
        group.MapGet("", () => Results.Content(DemoInboxPage.Html, "text/html; charset=utf-8"));
        app.MapGet(InboxPath + ".json", (DemoInbox inbox) => TypedResults.Ok(new Page<DemoInboxEntry>(inbox.Snapshot(), null)))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ReceiveAsync(
        string clientId, string contactId, HttpRequest request, DemoInbox inbox, TimeProvider time, CancellationToken cancellationToken)
    {
        if (DemoCatalog.FindContact(clientId, contactId) is not { } contact)
        {
            return Problems.NotFound($"Demo contact '{clientId}/{contactId}'");
        }

        var body = Encoding.UTF8.GetString(await ToolPayloadJson.ReadBodyAsync(request, cancellationToken));
        var now = time.GetUtcNow();
        if (DemoWebhookVerifier.Refusal(request.Headers, body, contact.WebhookSecret, now) is { } refusal)
        {
            return TypedResults.Problem(refusal, statusCode: StatusCodes.Status401Unauthorized, title: "Invalid signature");
        }

        var (kind, title, summary) = DemoNoticeSummary.Of(body);
        inbox.Add(new DemoInboxEntry(now, clientId, contactId, request.Headers["webhook-id"].ToString(), kind, title, summary, body));
        return TypedResults.NoContent();
    }
}
