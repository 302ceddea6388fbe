using System.Globalization;
using System.Net;
using System.Text;
using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Domain.Services;
using Section = (string Heading, string[] Lines, bool Bulleted);

namespace UptimeCoordinator.Domain.Notices;

/// <summary>
/// Writes an incident notice for one contact: a one-line subject, plain text and the same content as HTML.
/// Every notice says, for the contact's client, what is affected, since when, what we are doing, when they
/// will hear from us next and the ETA; a resolved notice says how long it lasted, what was done and what remains.
/// </summary>
public static class IncidentNoticeText
{
    private const int MaxSubjectLength = 200;

    // Invariant culture has English day and month names: the text reads the same on every machine.
    private static readonly CultureInfo En = CultureInfo.InvariantCulture;

    /// <summary>Renders a detected, update or resolved notice; other kinds are not written here.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The facts are for another kind of notice.</exception>
    public static NoticeContent Render(IncidentNoticeFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var (subject, intro, sections) = facts.Kind switch
        {
            NoticeKind.IncidentDetected => Detected(facts),
            NoticeKind.IncidentUpdate => Update(facts),
            NoticeKind.IncidentResolved => Resolved(facts),
            _ => throw new ArgumentOutOfRangeException(nameof(facts), facts.Kind, "Only detected, update and resolved incident notices are rendered here."),
        };

        subject = Subject(subject);
        var greeting = OneLine(facts.ContactName) is { Length: > 0 } name ? $"Hello {name}," : "Hello,";
        Section[] all = [.. sections, Reference(facts)];
        return new NoticeContent(subject, Text(greeting, intro, all), Html(subject, greeting, intro, all));
    }

    private static (string Subject, string Intro, Section[] Sections) Detected(IncidentNoticeFacts facts)
    {
        var client = OneLine(facts.ClientName);
        var prefix = facts.AffectedServices.Count == 0 ? "Incident" : facts.AffectedServices.Max(s => Rank(s.Status)) switch
        {
            >= 2 => "Outage",
            1 => "Degraded",
            _ => "Incident",
        };

        string[] doing = Message(facts) is { } message
            ? ["Our on-call engineers have been alerted and are investigating.", $"What our monitoring reported: {message}"]
            : ["Our on-call engineers have been alerted and are investigating."];
        return (
            $"{prefix}: {ServicesAre(facts.AffectedServices)} for {client} (since {Clock(facts, facts.StartedAt)} {ZoneName(facts.TimeZone)})",
            $"We have detected a problem that affects {client}. You do not need to report it: we already know about it and are working on it.",
            [Affected($"What is affected for {client}", facts, withStatus: true), Since(facts), ("What we are doing", doing, false), Eta(facts), NextUpdate(facts)]);
    }

    private static (string Subject, string Intro, Section[] Sections) Update(IncidentNoticeFacts facts)
    {
        var client = OneLine(facts.ClientName);
        var when = facts.NextUpdateBy is { } next ? $"next update by {Clock(facts, next)}" : $"since {Clock(facts, facts.StartedAt)}";
        var working = facts.AffectedServices.Count > 0 && facts.AffectedServices.All(s => s.Status == ServiceStatus.Operational);
        var doing = working
            ? "The affected services are working again. We are watching them closely before we close the incident."
            : "Our engineers are still working on it.";
        return (
            $"Update: {ServicesAre(facts.AffectedServices)} for {client} ({when} {ZoneName(facts.TimeZone)})",
            $"Here is the latest on the problem that affects {client}.",
            [
                Affected($"Current status for {client}", facts, withStatus: true),
                ("What changed", [Message(facts) ?? "The current status of each affected service is listed above."], false),
                ("What we are doing", [doing], false),
                Since(facts), Eta(facts), NextUpdate(facts),
            ]);
    }

    private static (string Subject, string Intro, Section[] Sections) Resolved(IncidentNoticeFacts facts)
    {
        var client = OneLine(facts.ClientName);
        var services = facts.AffectedServices;
        var resolvedAt = facts.ResolvedAt ?? facts.At;
        var lasted = Duration(resolvedAt - facts.StartedAt);
        var names = Names(services);
        var work = services.Count == 1 ? "works" : "work";

        // Only claim what monitoring shows: ops can resolve an incident while a check still reports trouble.
        var done = new List<string>
        {
            services.Count > 0 && services.All(s => s.Status == ServiceStatus.Operational)
                ? $"Our monitoring shows {names} working normally again."
                : "Our engineers have marked the problem as fixed.",
        };
        if (Message(facts) is { } message)
        {
            done.Add($"Resolution notes: {message}");
        }

        done.Add("We will review the incident to understand what caused it.");
        return (
            $"Resolved: {names} {work} again for {client} ({(facts.Severity == IncidentSeverity.Critical ? "down" : "disrupted")} {lasted})",
            $"Good news: {names} {work} again for {client}.",
            [
                Affected($"What was affected for {client}", facts, withStatus: false),
                ("How long it lasted", [$"Working again since {Full(facts, resolvedAt)}.", $"The problem started at {Full(facts, facts.StartedAt)} and lasted {lasted}."], false),
                ("What was done", [.. done], false),
                ("What remains", ["Nothing is needed from you. If anything still does not work for you, reply or contact us: we will treat it as a new report."], false),
            ]);
    }

    private static Section Affected(string heading, IncidentNoticeFacts facts, bool withStatus) =>
        facts.AffectedServices.Count == 0
            ? (heading, [OneLine(facts.IncidentTitle) is { Length: > 0 } title ? title : "The incident does not name a service yet."], false)
            : (heading, [.. facts.AffectedServices.Select(s => Describe(s, withStatus))], true);

    private static string Describe(AffectedService service, bool withStatus)
    {
        var line = withStatus ? $"{Name(service)}: {StatusPhrase(service.Status)}" : Name(service);
        var via = OneLine(service.ViaServiceName) is { Length: > 0 } viaName ? viaName : OneLine(service.ViaServiceId);
        return via.Length == 0 ? line : $"{line}, because it depends on {via}";
    }

    private static Section Since(IncidentNoticeFacts facts) =>
        ("Since when", [$"The problem started at {Full(facts, facts.StartedAt)}."], false);

    private static Section Eta(IncidentNoticeFacts facts) =>
        ("When we expect it fixed", [facts.Eta is { } eta
            ? $"We expect it fixed by {Full(facts, eta)}. This is an estimate; we will tell you if it changes."
            : "There is no estimate yet of when it will be fixed."], false);

    private static Section NextUpdate(IncidentNoticeFacts facts) =>
        ("When you will hear from us", [facts.NextUpdateBy is { } next
            ? $"You will hear from us again by {Clock(facts, next)} ({ZoneName(facts.TimeZone)}), sooner if anything changes."
            : "You will hear from us again as soon as anything changes."], false);

    private static Section Reference(IncidentNoticeFacts facts)
    {
        var id = OneLine(facts.IncidentId);
        return ("Incident reference", [OneLine(facts.IncidentTitle) is { Length: > 0 } title ? $"{id}: {title}" : id], false);
    }

    /// <summary>"Checkout is down", "Checkout and Orders are partly down", "Checkout and Orders are affected".</summary>
    private static string ServicesAre(IReadOnlyList<AffectedService> services)
    {
        if (services.Count == 0)
        {
            return "some services are affected";
        }

        var verb = services.Count == 1 ? "is" : "are";
        var status = services[0].Status;
        return services.All(s => s.Status == status)
            ? $"{Names(services)} {verb} {StatusPhrase(status)}"
            : $"{Names(services)} {verb} affected";
    }

    private static string Names(IReadOnlyList<AffectedService> services) => services.Count switch
    {
        0 => "the affected services",
        1 => Name(services[0]),
        <= 3 => $"{string.Join(", ", services.Take(services.Count - 1).Select(Name))} and {Name(services[^1])}",
        _ => string.Create(En, $"{Name(services[0])}, {Name(services[1])} and {services.Count - 2} other services"),
    };

    private static string Name(AffectedService service) =>
        OneLine(service.Name) is { Length: > 0 } name ? name : OneLine(service.ServiceId);

    private static string StatusPhrase(ServiceStatus status) => status switch
    {
        ServiceStatus.MajorOutage => "down",
        ServiceStatus.PartialOutage => "partly down",
        ServiceStatus.DegradedPerformance => "slow or unreliable",
        ServiceStatus.UnderMaintenance => "under maintenance",
        _ => "working normally",
    };

    private static int Rank(ServiceStatus status) => status switch
    {
        ServiceStatus.MajorOutage => 3,
        ServiceStatus.PartialOutage => 2,
        ServiceStatus.DegradedPerformance => 1,
        _ => 0,
    };

    /// <summary>"1 hour 5 minutes", "20 minutes", "less than a minute", to the nearest minute.</summary>
    private static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1))
        {
            return "less than a minute";
        }

        var minutes = (long)Math.Round(span.TotalMinutes, MidpointRounding.AwayFromZero);
        (long Count, string Unit)[] parts = [(minutes / 1440, "day"), (minutes / 60 % 24, "hour"), (minutes % 60, "minute")];
        return string.Join(" ", parts.Where(p => p.Count > 0)
            .Select(p => string.Create(En, $"{p.Count} {p.Unit}{(p.Count == 1 ? "" : "s")}")));
    }

    /// <summary>"14:00 on Thursday 15 January 2026 (Europe/Berlin, UTC+01:00)", with the offset in force at that instant.</summary>
    private static string Full(IncidentNoticeFacts facts, DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, facts.TimeZone);
        var zone = ZoneName(facts.TimeZone);
        var offset = (local.Offset < TimeSpan.Zero ? "-" : "+") + local.Offset.ToString(@"hh\:mm", En);
        var label = zone is "UTC" or "Etc/UTC" ? "UTC" : $"{zone}, UTC{offset}";
        return $"{local.ToString("HH:mm 'on' dddd d MMMM yyyy", En)} ({label})";
    }

    /// <summary>"14:30", or "00:30 on Friday 16 January" when that is not the day the notice is sent, locally.</summary>
    private static string Clock(IncidentNoticeFacts facts, DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, facts.TimeZone);
        var sameDay = local.Date == TimeZoneInfo.ConvertTime(facts.At, facts.TimeZone).Date;
        return local.ToString(sameDay ? "HH:mm" : "HH:mm 'on' dddd d MMMM", En);
    }

    // .NET has no reliable zone abbreviations ("CET" is ICU- and culture-dependent), so notices name the IANA zone.
    private static string ZoneName(TimeZoneInfo zone) => OneLine(
        !zone.HasIanaId && TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id);

    private static string? Message(IncidentNoticeFacts facts)
    {
        if (string.IsNullOrWhiteSpace(facts.Message))
        {
            return null;
        }

        // A message keeps its line breaks; any other control character would only garble the text.
        var lines = facts.Message.ReplaceLineEndings("\n").Split('\n').Select(line => new string([.. line.Select(c => char.IsControl(c) ? ' ' : c)]).TrimEnd());
        return string.Join('\n', lines).Trim();
    }

    /// <summary>Names, ids and titles on one line: control characters become spaces, whitespace runs one space.</summary>
    private static string OneLine(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            var blank = char.IsControl(c) || char.IsWhiteSpace(c);
            if (!blank)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().TrimEnd();
    }

    // The subject becomes an email header and user-provided names flow into it: a CR or LF would let a
    // client named "Acme\r\nBcc: x@y" add headers. OneLine leaves no control character; the cap keeps it one line.
    private static string Subject(string subject)
    {
        var line = OneLine(subject);
        if (line.Length <= MaxSubjectLength)
        {
            return line;
        }

        var cut = MaxSubjectLength - 1;
        if (char.IsHighSurrogate(line[cut - 1]))
        {
            cut--;
        }

        return line[..cut].TrimEnd() + "…";
    }

    private static string Text(string greeting, string intro, Section[] sections)
    {
        var text = new StringBuilder().Append(greeting).Append("\n\n").Append(intro).Append('\n');
        foreach (var (heading, lines, bulleted) in sections)
        {
            text.Append('\n').Append(heading).Append('\n');
            foreach (var line in lines)
            {
                text.Append(bulleted ? "- " : "").Append(line).Append('\n');
            }
        }

        return text.ToString();
    }

    // Everything is encoded, literals included: then no user-provided string can reach the markup unencoded.
    private static string Html(string subject, string greeting, string intro, Section[] sections)
    {
        const string Paragraph = "<p style=\"margin:0 0 16px 0;\">";
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(subject)).Append("</title>\n</head>\n")
            .Append("<body style=\"margin:0;padding:24px;background-color:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;\">\n")
            .Append("<main style=\"max-width:600px;\">\n")
            .Append(Paragraph).Append(Encode(greeting)).Append("</p>\n")
            .Append(Paragraph).Append(Encode(intro)).Append("</p>\n");
        foreach (var (heading, lines, bulleted) in sections)
        {
            html.Append("<h2 style=\"margin:24px 0 8px 0;font-size:18px;color:#1a1a1a;\">").Append(Encode(heading)).Append("</h2>\n");
            if (bulleted)
            {
                html.Append("<ul style=\"margin:0 0 16px 0;padding-left:24px;\">\n");
                foreach (var line in lines)
                {
                    html.Append("<li>").Append(Encode(line)).Append("</li>\n");
                }

                html.Append("</ul>\n");
            }
            else
            {
                html.Append(Paragraph).Append(string.Join("<br>\n", lines.Select(Encode))).Append("</p>\n");
            }
        }

        return html.Append("</main>\n</body>\n</html>\n").ToString();
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value).Replace("\n", "<br>\n", StringComparison.Ordinal);
}
