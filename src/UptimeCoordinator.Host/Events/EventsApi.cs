using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using UptimeCoordinator.Domain;
using UptimeCoordinator.Host.Auth;

namespace UptimeCoordinator.Host.Events;

/// <summary><c>POST /api/v1/events</c>: health events from monitoring tools.</summary>
public static class EventsApi
{
    public static RouteGroupBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/events").WithTags("Events").RequireAuthorization(Roles.IngestPolicy);
        group.MapPost("/", PostAsync)
            .WithName("PostEvents")
            .WithSummary("Post one health event or an array of up to 1000")
            .Accepts<HealthEventRequest[]>("application/json");
        return group;
    }

    private static async Task<Results<Accepted<EventsAccepted>, ValidationProblem>> PostAsync(
        JsonElement body, IOptions<JsonOptions> json, TimeProvider time, EventIngestor ingestor)
    {
        var errors = new ValidationErrors();
        var events = HealthEventBatchReader.Read(body, json.Value.SerializerOptions, time.GetUtcNow(), errors);
        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), detail: "No event was applied.");
        }

        var result = await ingestor.IngestAsync(events);
        if (result.UnknownServiceItems.Length > 0)
        {
            var isArray = body.ValueKind == JsonValueKind.Array;
            foreach (var index in result.UnknownServiceItems)
            {
                errors.Add(isArray ? $"[{index}].serviceId" : "serviceId", $"unknown service '{events.First(e => e.Index == index).ServiceId}'");
            }

            return TypedResults.ValidationProblem(errors.ToDictionary(), detail: "No event was applied.");
        }

        return TypedResults.Accepted((string?)null, new EventsAccepted(result.Accepted, result.Duplicates));
    }
}

/// <summary>Body of the <c>202</c>: events accepted, and how many of them were exact repeats.</summary>
public sealed record EventsAccepted(int Accepted, int Duplicates);
