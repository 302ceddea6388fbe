using UptimeCoordinator.Contracts.Incidents;
using UptimeCoordinator.Domain;
using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Host.Incidents;

/// <summary>Validates incident command bodies and maps them to grain commands; every problem is named by its field.</summary>
internal static class IncidentRequestMapper
{
    public const int MaxText = 4000;
    public const int MaxLine = 200;
    public const int MaxItems = 50;
    public const int MaxServices = 50;
    private static readonly TimeSpan MaxEtaAhead = TimeSpan.FromDays(30);

    // A clock a little behind ours must still be able to give "in five minutes".
    private static readonly TimeSpan EtaSkew = TimeSpan.FromMinutes(1);

    public static AcknowledgeIncident? Map(AcknowledgeRequest r, DateTimeOffset now, ValidationErrors errors)
    {
        var by = Line(r.By, "by", errors);
        Eta(r.Eta, now, errors);
        var message = Text(r.Message, "message", errors, required: false);
        return errors.IsValid ? new(by!, r.Eta, message) : null;
    }

    public static PostIncidentUpdate? Map(UpdateRequest r, DateTimeOffset now, ValidationErrors errors)
    {
        var by = Line(r.By, "by", errors);
        var message = Text(r.Message, "message", errors, required: true);
        Eta(r.Eta, now, errors);
        IncidentStage? stage = r.Stage switch
        {
            null => null,
            "investigating" => IncidentStage.Investigating,
            "identified" => IncidentStage.Identified,
            "monitoring" => IncidentStage.Monitoring,
            _ => Invalid<IncidentStage>(errors, "stage", "must be investigating, identified or monitoring"),
        };
        return errors.IsValid ? new(by!, message!, stage, r.Eta) : null;
    }

    public static ResolveIncident? Map(ResolveRequest r, ValidationErrors errors)
    {
        var by = Line(r.By, "by", errors);
        var summary = Text(r.Summary, "summary", errors, required: true);
        var actions = Items(r.ActionsTaken, "actionsTaken", errors);
        var followUps = Items(r.FollowUps, "followUps", errors);
        if (r.TimeSpentMinutes is < 0 or > 100_000)
        {
            errors.Add("timeSpentMinutes", "must be between 0 and 100000");
        }

        return errors.IsValid ? new(by!, summary!, actions, r.TimeSpentMinutes, followUps) : null;
    }

    public static IncidentVerdict? Map(VerdictRequest r, ValidationErrors errors)
    {
        var by = Line(r.By, "by", errors);
        var message = Text(r.Message, "message", errors, required: false);
        return errors.IsValid ? new(by!, message) : null;
    }

    /// <summary>Validates the parts both a declaration and a report need; returns the distinct service ids.</summary>
    public static string[]? Services(string[]? serviceIds, ValidationErrors errors)
    {
        if (serviceIds is not { Length: > 0 })
        {
            errors.Add("serviceIds", "at least one service is required");
            return null;
        }

        if (serviceIds.Length > MaxServices)
        {
            errors.Add("serviceIds", $"at most {MaxServices} services");
            return null;
        }

        for (var i = 0; i < serviceIds.Length; i++)
        {
            if (!ServiceId.IsValid(serviceIds[i]))
            {
                errors.Add($"serviceIds[{i}]", "must be a service id (a slug)");
            }
        }

        return errors.IsValid ? [.. serviceIds.Distinct(StringComparer.Ordinal)] : null;
    }

    public static DeclareIncident? MapDeclaration(CreateIncidentRequest r, ValidationErrors errors)
    {
        var services = Services(r.ServiceIds, errors);
        var title = Line(r.Title, "title", errors);
        var by = Line(r.By, "by", errors);
        var message = Text(r.Message, "message", errors, required: false);
        var severity = r.Severity switch
        {
            null or "major" => IncidentSeverity.Major,
            "minor" => IncidentSeverity.Minor,
            "critical" => IncidentSeverity.Critical,
            _ => Invalid<IncidentSeverity>(errors, "severity", "must be minor, major or critical"),
        };
        return errors.IsValid ? new(title!, services!, severity, by!, message) : null;
    }

    public static ReportProblem? MapReport(CreateIncidentRequest r, string clientId, ValidationErrors errors)
    {
        var services = Services(r.ServiceIds, errors);
        var message = Text(r.Message, "message", errors, required: true);
        var title = r.Title is null ? null : Line(r.Title, "title", errors);
        if (r.ContactId is not null && !ClientId.IsValid(r.ContactId))
        {
            errors.Add("contactId", "must be a contact id (a slug)");
        }

        if (r.Severity is not null)
        {
            errors.Add("severity", "a report does not set a severity: ops or monitoring will");
        }

        return errors.IsValid ? new(clientId, r.ContactId, services!, title ?? $"Reported by {clientId}: {Shorten(message!)}", message!) : null;
    }

    public static GiveIncidentFeedback? Map(FeedbackRequest r, ValidationErrors errors)
    {
        if (!ClientId.IsValid(r.ClientId))
        {
            errors.Add("clientId", "is required and must be a client id (a slug)");
        }

        if (r.ContactId is not null && !ClientId.IsValid(r.ContactId))
        {
            errors.Add("contactId", "must be a contact id (a slug)");
        }

        if (r.FixedConfirmed is null)
        {
            errors.Add("fixedConfirmed", "is required: is it working for you now?");
        }

        if (r.Rating is < 1 or > 5)
        {
            errors.Add("rating", "must be 1 to 5");
        }

        if (r.Token is { Length: 0 or > 200 })
        {
            errors.Add("token", "is not a feedback token");
        }

        if (r.Token is not null && r.ContactId is null)
        {
            errors.Add("contactId", "is required with a token");
        }

        var comment = Text(r.Comment, "comment", errors, required: false);
        return errors.IsValid ? new(r.ClientId!, r.ContactId, r.FixedConfirmed!.Value, r.Rating, comment) : null;
    }

    private static void Eta(DateTimeOffset? eta, DateTimeOffset now, ValidationErrors errors)
    {
        if (eta is { } value && (value < now - EtaSkew || value > now + MaxEtaAhead))
        {
            errors.Add("eta", "must be in the future, within 30 days");
        }
    }

    private static string? Line(string? value, string path, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(path, "is required");
            return null;
        }

        if (value.Length > MaxLine || value.Any(char.IsControl))
        {
            errors.Add(path, $"must be one line of at most {MaxLine} characters");
            return null;
        }

        return value.Trim();
    }

    private static string? Text(string? value, string path, ValidationErrors errors, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(path, "is required");
            }

            return null;
        }

        if (value.Length > MaxText)
        {
            errors.Add(path, $"must be at most {MaxText} characters");
            return null;
        }

        return value.Trim();
    }

    private static string[] Items(string[]? values, string path, ValidationErrors errors)
    {
        if (values is null)
        {
            return [];
        }

        if (values.Length > MaxItems)
        {
            errors.Add(path, $"at most {MaxItems} items");
            return [];
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(values[i]) || values[i].Length > 1000)
            {
                errors.Add($"{path}[{i}]", "must be a non-empty text of at most 1000 characters");
            }
        }

        return [.. values.Select(v => v?.Trim() ?? "")];
    }

    private static string Shorten(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length <= 80 ? line : line[..77] + "...";
    }

    private static T Invalid<T>(ValidationErrors errors, string path, string message)
        where T : struct
    {
        errors.Add(path, message);
        return default;
    }
}
