using System.Globalization;
using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Notices;

/// <summary>
/// Writes an incident notice for one contact: a one-line subject, plain text and the same content as HTML.
/// Every notice says, for the contact's client, what is affected, since when, what we are doing, when they
/// will hear from us next and the ETA; a resolved notice says how long it lasted, what was done and what remains.
/// </summary>
public static class IncidentNoticeText
{
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

        subject = NoticeTextSanitizer.Subject(subject);
        var greeting = NoticeTextSanitizer.OneLine(facts.ContactName) is { Length: > 0 } name ? $"Hello {name}," : "Hello,";
        NoticeSection[] all = [.. sections, Reference(facts)];
        return new NoticeContent(subject, NoticeDocument.Text(greeting, intro, all), NoticeDocument.Html(subject, greeting, intro, all));
    }

    private static (string Subject, string Intro, NoticeSection[] Sections) Detected(IncidentNoticeFacts facts)
    {
        var client = NoticeTextSanitizer.OneLine(facts.ClientName);
        var prefix = facts.AffectedServices.Count == 0 ? "Incident" : facts.AffectedServices.Max(s => Rank(s.Status)) switch
        {
            >= 2 => "Outage",
            1 => "Degraded",
            _ => "Incident",
        };

        string[] doing = NoticeTextSanitizer.Message(facts.Message) is { } message
            ? ["Our on-call engineers have been alerted and are investigating.", $"What our monitoring reported: {message}"]
            : ["Our on-call engineers have been alerted and are investigating."];
        return (
            $"{prefix}: {ServicesAre(facts.AffectedServices)} for {client} (since {NoticeTimeText.Clock(facts, facts.StartedAt)} {NoticeTimeText.ZoneName(facts.TimeZone)})",
            $"We have detected a problem that affects {client}. You do not need to report it: we already know about it and are working on it.",
            [Affected($"What is affected for {client}", facts, withStatus: true), Since(facts), new("What we are doing", doing, false), Eta(facts), NextUpdate(facts)]);
    }

    private static (string Subject, string Intro, NoticeSection[] Sections) Update(IncidentNoticeFacts facts)
    {
        var client = NoticeTextSanitizer.OneLine(facts.ClientName);
        var when = facts.NextUpdateBy is { } next ? $"next update by {NoticeTimeText.Clock(facts, next)}" : $"since {NoticeTimeText.Clock(facts, facts.StartedAt)}";
        var working = facts.AffectedServices.Count > 0 && facts.AffectedServices.All(s => s.Status == ServiceStatus.Operational);
        var doing = working
            ? "The affected services are working again. We are watching them closely before we close the incident."
            : "Our engineers are still working on it.";
        return (
            $"Update: {ServicesAre(facts.AffectedServices)} for {client} ({when} {NoticeTimeText.ZoneName(facts.TimeZone)})",
            $"Here is the latest on the problem that affects {client}.",
            [
                Affected($"Current status for {client}", facts, withStatus: true),
                new("What changed", [NoticeTextSanitizer.Message(facts.Message) ?? "The current status of each affected service is listed above."], false),
                new("What we are doing", [doing], false),
                Since(facts), Eta(facts), NextUpdate(facts),
            ]);
    }

    private static (string Subject, string Intro, NoticeSection[] Sections) Resolved(IncidentNoticeFacts facts)
    {
        var client = NoticeTextSanitizer.OneLine(facts.ClientName);
        var services = facts.AffectedServices;
        var resolvedAt = facts.ResolvedAt ?? facts.At;
        var lasted = NoticeTimeText.Duration(resolvedAt - facts.StartedAt);
        var names = Names(services);
        var work = services.Count == 1 ? "works" : "work";

        // Only claim what monitoring shows: ops can resolve an incident while a check still reports trouble.
        var done = new List<string>
        {
            services.Count > 0 && services.All(s => s.Status == ServiceStatus.Operational)
                ? $"Our monitoring shows {names} working normally again."
                : "Our engineers have marked the problem as fixed.",
        };
        if (NoticeTextSanitizer.Message(facts.Message) is { } message)
        {
            done.Add($"Resolution notes: {message}");
        }

        done.Add("We will review the incident to understand what caused it.");
        return (
            $"Resolved: {names} {work} again for {client} ({(facts.Severity == IncidentSeverity.Critical ? "down" : "disrupted")} {lasted})",
            $"Good news: {names} {work} again for {client}.",
            [
                Affected($"What was affected for {client}", facts, withStatus: false),
                new("How long it lasted", [$"Working again since {NoticeTimeText.Full(facts, resolvedAt)}.", $"The problem started at {NoticeTimeText.Full(facts, facts.StartedAt)} and lasted {lasted}."], false),
                new("What was done", [.. done], false),
                new("What remains", ["Nothing is needed from you. If anything still does not work for you, reply or contact us: we will treat it as a new report."], false),
            ]);
    }

    private static NoticeSection Affected(string heading, IncidentNoticeFacts facts, bool withStatus) =>
        facts.AffectedServices.Count == 0
            ? new(heading, [NoticeTextSanitizer.OneLine(facts.IncidentTitle) is { Length: > 0 } title ? title : "The incident does not name a service yet."], false)
            : new(heading, [.. facts.AffectedServices.Select(s => Describe(s, withStatus))], true);

    private static string Describe(AffectedService service, bool withStatus)
    {
        var line = withStatus ? $"{Name(service)}: {StatusPhrase(service.Status)}" : Name(service);
        var via = NoticeTextSanitizer.OneLine(service.ViaServiceName) is { Length: > 0 } viaName ? viaName : NoticeTextSanitizer.OneLine(service.ViaServiceId);
        return via.Length == 0 ? line : $"{line}, because it depends on {via}";
    }

    private static NoticeSection Since(IncidentNoticeFacts facts) =>
        new("Since when", [$"The problem started at {NoticeTimeText.Full(facts, facts.StartedAt)}."], false);

    private static NoticeSection Eta(IncidentNoticeFacts facts) =>
        new("When we expect it fixed", [facts.Eta is { } eta
            ? $"We expect it fixed by {NoticeTimeText.Full(facts, eta)}. This is an estimate; we will tell you if it changes."
            : "There is no estimate yet of when it will be fixed."], false);

    private static NoticeSection NextUpdate(IncidentNoticeFacts facts) =>
        new("When you will hear from us", [facts.NextUpdateBy is { } next
            ? $"You will hear from us again by {NoticeTimeText.Clock(facts, next)} ({NoticeTimeText.ZoneName(facts.TimeZone)}), sooner if anything changes."
            : "You will hear from us again as soon as anything changes."], false);

    private static NoticeSection Reference(IncidentNoticeFacts facts)
    {
        var id = NoticeTextSanitizer.OneLine(facts.IncidentId);
        return new("Incident reference", [NoticeTextSanitizer.OneLine(facts.IncidentTitle) is { Length: > 0 } title ? $"{id}: {title}" : id], false);
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
        _ => string.Create(CultureInfo.InvariantCulture, $"{Name(services[0])}, {Name(services[1])} and {services.Count - 2} other services"),
    };

    private static string Name(AffectedService service) =>
        NoticeTextSanitizer.OneLine(service.Name) is { Length: > 0 } name ? name : NoticeTextSanitizer.OneLine(service.ServiceId);

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
}
