using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Maintenance;

/// <summary>
/// What makes a window plannable, before any grain is asked: services named, a start ahead of now,
/// an end after the start, no longer than the longest allowed, reminders that make sense. Whether the
/// services exist and whether another window holds them are the grains' to say.
/// </summary>
public static class MaintenancePlanRules
{
    public const int MaxServices = 50;
    public const int MaxTitle = 200;
    public const int MaxDescription = 4000;
    public const int MaxLeadTimes = 10;
    public static readonly TimeSpan MaxLeadTime = TimeSpan.FromDays(30);

    /// <summary>The furthest ahead a window may start: plans beyond are guesses, and times near year 9999 overflow.</summary>
    public static readonly TimeSpan MaxScheduleAhead = TimeSpan.FromDays(730);

    // A window "starting now" typed by a person is a few seconds old by the time it arrives.
    public static readonly TimeSpan StartSkew = TimeSpan.FromSeconds(30);

    public static void CheckServices(IReadOnlyList<string>? serviceIds, ValidationErrors errors)
    {
        if (serviceIds is null || serviceIds.Count == 0)
        {
            errors.Add("serviceIds", "name at least one service");
            return;
        }

        if (serviceIds.Count > MaxServices)
        {
            errors.Add("serviceIds", $"at most {MaxServices} services");
        }

        for (var i = 0; i < serviceIds.Count; i++)
        {
            if (!ServiceId.IsValid(serviceIds[i]))
            {
                errors.Add($"serviceIds[{i}]", "must be a service id (a slug)");
            }
        }
    }

    /// <summary>The times of a window planned at <paramref name="now"/>.</summary>
    public static void CheckTimes(DateTimeOffset? start, DateTimeOffset? end, DateTimeOffset now, TimeSpan maxDuration, ValidationErrors errors)
    {
        if (start is not { } s)
        {
            errors.Add("start", "is required");
        }
        else if (s < now - StartSkew)
        {
            errors.Add("start", "is in the past");
        }
        else if (s > now + MaxScheduleAhead)
        {
            errors.Add("start", $"may be at most {Time.IsoDuration.Format(MaxScheduleAhead)} ahead");
        }

        if (end is not { } e)
        {
            errors.Add("end", "is required");
            return;
        }

        if (start is { } from && e <= from)
        {
            errors.Add("end", "must be after start");
        }
        else if (start is { } begin && e - begin > maxDuration)
        {
            errors.Add("end", $"the window may last at most {Time.IsoDuration.Format(maxDuration)}");
        }
    }

    public static void CheckTitle(string? title, string? description, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            errors.Add("title", "is required");
        }
        else if (title.Length > MaxTitle)
        {
            errors.Add("title", $"at most {MaxTitle} characters");
        }
        else if (!SingleLineText.IsSingleLine(title))
        {
            errors.Add("title", SingleLineText.Refusal);
        }

        if (description is { Length: > MaxDescription })
        {
            errors.Add("description", $"at most {MaxDescription} characters");
        }
    }

    /// <summary>Parses ISO 8601 lead times; null input gives <paramref name="defaults"/>.</summary>
    public static List<TimeSpan> LeadTimes(IReadOnlyList<string>? leads, IReadOnlyList<TimeSpan> defaults, ValidationErrors errors)
    {
        if (leads is null)
        {
            return [.. defaults];
        }

        if (leads.Count > MaxLeadTimes)
        {
            errors.Add("noticeLeadTimes", $"at most {MaxLeadTimes} lead times");
        }

        var parsed = new List<TimeSpan>();
        for (var i = 0; i < leads.Count; i++)
        {
            if (!Time.IsoDuration.TryParse(leads[i], out var lead) || lead <= TimeSpan.Zero || lead > MaxLeadTime)
            {
                errors.Add($"noticeLeadTimes[{i}]", "must be an ISO 8601 duration longer than zero and at most P30D (P3D, PT1H)");
                continue;
            }

            parsed.Add(lead);
        }

        return parsed;
    }
}
