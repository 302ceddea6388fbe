using Microsoft.AspNetCore.Http.HttpResults;

namespace UptimeCoordinator.Host.Errors;

/// <summary>Problem results that say which resource was missing or why a change conflicts.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem($"{what} does not exist.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: title);
}
