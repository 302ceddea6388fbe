using System.Net;
using System.Text;
using UptimeCoordinator.Contracts.Clients;
using UptimeCoordinator.Contracts.Incidents;
using UptimeCoordinator.Domain;
using UptimeCoordinator.Domain.Clients;

namespace UptimeCoordinator.Host.Feedback;

/// <summary>
/// <c>/feedback</c>: where a follow-up or survey link leads. GET shows a small form and changes
/// nothing (mail scanners open links), POST records the answer. The token in the link is the
/// only credential, so nobody needs an API key to tell us whether it works.
/// </summary>
public static class FeedbackPage
{
    public static IEndpointRouteBuilder MapFeedbackPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/feedback", ShowAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/feedback", SubmitAsync).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> ShowAsync(string? incident, string? client, string? contact, string? token, IGrainFactory grains)
    {
        if (await CheckAsync(grains, incident, client, contact, token) is not { } view)
        {
            return Page("Link not valid", "<p>This link is not valid. Please contact us directly.</p>", StatusCodes.Status404NotFound);
        }

        var e = (Func<string?, string>)(v => WebUtility.HtmlEncode(v ?? ""));
        var body = new StringBuilder()
            .Append("<p>About: <strong>").Append(e(view.Title)).Append("</strong></p>")
            .Append("<form method=\"post\" action=\"/feedback\">")
            .Append("<input type=\"hidden\" name=\"incident\" value=\"").Append(e(incident)).Append("\">")
            .Append("<input type=\"hidden\" name=\"client\" value=\"").Append(e(client)).Append("\">")
            .Append("<input type=\"hidden\" name=\"contact\" value=\"").Append(e(contact)).Append("\">")
            .Append("<input type=\"hidden\" name=\"token\" value=\"").Append(e(token)).Append("\">")
            .Append("<fieldset><legend>Is it working for you now?</legend>")
            .Append("<label><input type=\"radio\" name=\"fixed\" value=\"yes\" required> Yes, it works</label><br>")
            .Append("<label><input type=\"radio\" name=\"fixed\" value=\"no\"> No, it still does not work (we reopen the incident at once)</label></fieldset>")
            .Append("<fieldset><legend>How did we do? (optional)</legend>");
        for (var rating = 1; rating <= 5; rating++)
        {
            body.Append("<label><input type=\"radio\" name=\"rating\" value=\"").Append(rating).Append("\"> ").Append(rating).Append("</label> ");
        }

        body.Append("<p>1 = poor, 5 = excellent</p></fieldset>")
            .Append("<p><label for=\"comment\">Anything you want to tell us (optional)</label><br>")
            .Append("<textarea id=\"comment\" name=\"comment\" rows=\"4\" cols=\"50\" maxlength=\"4000\"></textarea></p>")
            .Append("<p><button type=\"submit\">Send</button></p></form>");
        return Page("Tell us how it went", body.ToString());
    }

    private static async Task<IResult> SubmitAsync(HttpRequest request, IGrainFactory grains)
    {
        var form = await request.ReadFormAsync();
        string? Field(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;
        var (incident, client, contact, token) = (Field("incident"), Field("client"), Field("contact"), Field("token"));
        if (await CheckAsync(grains, incident, client, contact, token) is not { } before)
        {
            return Page("Link not valid", "<p>This link is not valid. Please contact us directly.</p>", StatusCodes.Status404NotFound);
        }

        int? rating = int.TryParse(Field("rating"), out var r) && r is >= 1 and <= 5 ? r : null;
        var comment = Field("comment") is { Length: > 0 } c ? c[..Math.Min(c.Length, 4000)] : null;
        if (Field("fixed") is not ("yes" or "no"))
        {
            return Page("Please answer", "<p>Please tell us whether it works for you now. Go back and choose yes or no.</p>", StatusCodes.Status400BadRequest);
        }

        var result = await grains.GetGrain<IIncidentGrain>(incident!)
            .RecordFeedbackAsync(new GiveIncidentFeedback(client!, contact, Field("fixed") == "yes", rating, comment));
        return result.Outcome switch
        {
            IncidentCommandOutcome.Done when result.Incident?.ReopenCount > before.ReopenCount =>
                Page("We are on it again", "<p>Thank you for telling us. We have reopened the incident and our engineers are looking at it again. We will keep you informed.</p>"),
            IncidentCommandOutcome.Done when Field("fixed") == "no" =>
                Page("Thank you", "<p>Thank you for telling us. Our engineers will look at it again and keep you informed.</p>"),
            IncidentCommandOutcome.Done => Page("Thank you", "<p>Thank you for your answer. It helps us do better.</p>"),
            _ => Page("Not recorded", $"<p>{WebUtility.HtmlEncode(result.Detail ?? "Your answer could not be recorded.")}</p>", StatusCodes.Status409Conflict),
        };
    }

    private static async Task<IncidentView?> CheckAsync(IGrainFactory grains, string? incident, string? client, string? contact, string? token)
    {
        if (incident is not { Length: > 0 and <= 200 } || !ClientId.IsValid(client) || !ClientId.IsValid(contact) || token is not { Length: > 0 and <= 200 })
        {
            return null;
        }

        if (await grains.GetGrain<IClientGrain>(client!).CheckFeedbackAsync(incident, contact, token) != FeedbackCheck.Ok)
        {
            return null;
        }

        return await grains.GetGrain<IIncidentGrain>(incident).GetAsync();
    }

    private static IResult Page(string title, string body, int status = StatusCodes.Status200OK)
    {
        var html = $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{WebUtility.HtmlEncode(title)}}</title>
            <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}fieldset{margin:1rem 0}button{font-size:1rem;padding:.5rem 1rem}</style>
            </head><body><main><h1>{{WebUtility.HtmlEncode(title)}}</h1>{{body}}</main></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
