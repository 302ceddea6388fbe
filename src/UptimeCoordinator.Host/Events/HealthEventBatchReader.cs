using System.Text.Json;
using UptimeCoordinator.Contracts.Health;
using UptimeCoordinator.Domain;
using UptimeCoordinator.Domain.Health;
using UptimeCoordinator.Domain.Services;
using UptimeCoordinator.Host.Errors;

namespace UptimeCoordinator.Host.Events;

/// <summary>
/// Reads one event or an array of events and validates all of them before anything is applied:
/// one bad item rejects the whole request, with errors keyed by item (<c>[3].status</c>).
/// </summary>
public static class HealthEventBatchReader
{
    public const int MaxEvents = 1000;
    public const int MaxTextLength = 1000;
    public const int MaxIdLength = 200;

    /// <summary>How far ahead of this host's clock an observation may claim to be.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How old an observation may be: older than the longest span costs and SLAs are asked for, it
    /// could only open an outage in year 0001 and price it in millions.
    /// </summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(400);

    public static IReadOnlyList<(int Index, string ServiceId, HealthEvent Event)> Read(
        JsonElement body, JsonSerializerOptions json, DateTimeOffset now, ValidationErrors errors)
    {
        var isArray = body.ValueKind == JsonValueKind.Array;
        if (!isArray && body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("", "the body must be one event object or an array of them");
            return [];
        }

        var items = isArray ? body.EnumerateArray().ToList() : [body];
        if (items.Count is 0 or > MaxEvents)
        {
            errors.Add("", $"send from 1 to {MaxEvents} events per request, not {items.Count}");
            return [];
        }

        var events = new List<(int, string, HealthEvent)>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var prefix = isArray ? $"[{i}]." : "";
            var itemErrors = new ValidationErrors();
            var item = Deserialize(items[i], json, itemErrors);
            if (item is not null && Validate(item, now, itemErrors) is { } valid)
            {
                events.Add((i, item.ServiceId!, valid));
            }

            errors.AddRange(itemErrors, prefix);
        }

        return events;
    }

    private static HealthEventRequest? Deserialize(JsonElement element, JsonSerializerOptions json, ValidationErrors errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add("", "must be an event object");
            return null;
        }

        try
        {
            return element.Deserialize<HealthEventRequest>(json);
        }
        catch (JsonException ex)
        {
            errors.Add(ex.Path is { Length: > 2 } path ? path[2..] : "", JsonErrorText.Describe(ex));
            return null;
        }
    }

    /// <summary>Validates one event; integrations that map a tool's payload onto events use it too.</summary>
    public static HealthEvent? Validate(HealthEventRequest item, DateTimeOffset now, ValidationErrors errors)
    {
        if (!ServiceId.IsValid(item.ServiceId))
        {
            errors.Add("serviceId", item.ServiceId is null ? "is required" : $"must match {ServiceId.Pattern}");
        }

        if (item.Status is null)
        {
            errors.Add("status", "is required: up, degraded or down");
        }

        if (item.ObservedAt > now + MaxClockSkew)
        {
            errors.Add("observedAt", $"is more than {MaxClockSkew.TotalMinutes:0} minutes in the future");
        }
        else if (item.ObservedAt < now - MaxAge)
        {
            errors.Add("observedAt", $"is more than {MaxAge.TotalDays:0} days in the past");
        }

        CheckLength(errors, "eventId", item.EventId, MaxIdLength);
        CheckLength(errors, "check", item.Check, MaxIdLength);
        CheckLength(errors, "source", item.Source, MaxIdLength);
        CheckLength(errors, "message", item.Message, MaxTextLength);
        if (!errors.IsValid)
        {
            return null;
        }

        return new HealthEvent(
            string.IsNullOrEmpty(item.EventId) ? null : item.EventId,
            item.Status!.Value,
            item.ObservedAt ?? now,
            string.IsNullOrWhiteSpace(item.Source) ? "api" : item.Source,
            string.IsNullOrWhiteSpace(item.Check) ? HealthObservation.DefaultCheck : item.Check,
            item.Message);
    }

    private static void CheckLength(ValidationErrors errors, string field, string? value, int max)
    {
        if (value?.Length > max)
        {
            errors.Add(field, $"must be at most {max} characters");
        }
    }
}
