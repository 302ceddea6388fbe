using Microsoft.AspNetCore.Http.HttpResults;
using UptimeCoordinator.Contracts;
using UptimeCoordinator.Domain;

namespace UptimeCoordinator.Host.Paging;

/// <summary>A list endpoint over an index grain: parse the page, read one page of ids, then each view in parallel.</summary>
internal static class IndexListing
{
    public static async Task<Results<Ok<Page<TView>>, ValidationProblem>> ListAsync<TView>(
        string? limit, string? cursor, Func<string?, int, Task<IdPage>> ids, Func<string, Task<TView?>> view)
        where TView : class
    {
        var errors = new ValidationErrors();
        if (!PageRequest.TryParse(limit, cursor, errors, out var page))
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var listed = await ids(page.After, page.Limit);
        var views = await Task.WhenAll(listed.Ids.Select(view));
        return TypedResults.Ok(new Page<TView>([.. views.OfType<TView>()], PageRequest.Encode(listed.NextAfter)));
    }
}
