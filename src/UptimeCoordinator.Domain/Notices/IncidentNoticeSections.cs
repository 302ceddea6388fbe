using System.Globalization;
using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Notices;

/// <summary>
/// The parts every incident notice is built from: what is affected, since when, the ETA, the next
/// update, the reference, and the wording of services, stages and who acted. Every user-provided
/// string passes through <see cref="NoticeTextSanitizer"/> here or where it is read.
/// </summary>
internal static class IncidentNoticeSections
{
    internal static string Client(IncidentNoticeFacts facts) => NoticeTextSanitizer.OneLine(facts.ClientName);

    internal static string Zone(IncidentNoticeFacts facts) => NoticeTimeText.ZoneName(facts.TimeZone);

    internal static NoticeSection Affected(string heading, IncidentNoticeFacts facts, bool withStatus) =>
        facts.AffectedServices.Count == 0
            ? new(heading, [NoticeTextSanitizer.OneLine(facts.IncidentTitle) is { Length: > 0 } title ? title : "The incident does not name a service yet."], false)
            : new(heading, [.. facts.AffectedServices.Select(s => Describe(s, withStatus))], true);

    internal static NoticeSection Since(IncidentNoticeFacts facts) =>
        new("Since when", [$"The problem started at {NoticeTimeText.Full(facts, facts.StartedAt)}."], false);

    internal static NoticeSection Eta(IncidentNoticeFacts facts) =>
        new("When we expect it fixed", [facts.Eta is { } eta
            ? $"We expect it fixed by {NoticeTimeText.Full(facts, eta)}. This is an estimate; we will tell you if it changes."
            : "There is no estimate yet of when it will be fixed."], false);

    internal static NoticeSection NextUpdate(IncidentNoticeFacts facts) =>
        new("When you will hear from us", [facts.NextUpdateBy is { } next
            ? $"You will hear from us again by {NoticeTimeText.Clock(facts, next)} ({Zone(facts)}), sooner if anything changes."
            : "You will hear from us again as soon as anything changes."], false);

    internal static NoticeSection Reference(IncidentNoticeFacts facts)
    {
        var id = NoticeTextSanitizer.OneLine(facts.IncidentId);
        return new("Incident reference", [NoticeTextSanitizer.OneLine(facts.IncidentTitle) is { Length: > 0 } title ? $"{id}: {title}" : id], false);
    }

    /// <summary>"next update by 15:00 Europe/Berlin", or "since 14:00 Europe/Berlin" when no update is promised: for subjects.</summary>
    internal static string NextOrSince(IncidentNoticeFacts facts) => facts.NextUpdateBy is { } next
        ? $"next update by {NoticeTimeText.Clock(facts, next)} {Zone(facts)}"
        : $"since {NoticeTimeText.Clock(facts, facts.StartedAt)} {Zone(facts)}";

    /// <summary>What the stage means for the client, in plain words.</summary>
    internal static string Doing(IncidentStage stage) => Progress(stage) ?? "Our engineers are working on it.";

    /// <summary>How far the work has got, for the stages that say more than "someone is on it"; null for the others.</summary>
    internal static string? Progress(IncidentStage stage) => stage switch
    {
        IncidentStage.Investigating => "We are investigating the cause.",
        IncidentStage.Identified => "We have found the cause and are working on a fix.",
        IncidentStage.Monitoring => "A fix is in place and we are watching it.",
        _ => null,
    };

    /// <summary>A responder's name; null for the system or nobody. A client is named by its id: "client acme".</summary>
    internal static string? Person(string? by)
    {
        var name = NoticeTextSanitizer.OneLine(by);
        if (name.Length == 0 || name == Incident.System)
        {
            return null;
        }

        return name.StartsWith("client:", StringComparison.Ordinal) ? $"client {name["client:".Length..].Trim()}" : name;
    }

    /// <summary>"How long it lasted": since when it works and how long it was broken.</summary>
    internal static NoticeSection Lasted(IncidentNoticeFacts facts)
    {
        var resolvedAt = facts.ResolvedAt ?? facts.At;
        return new("How long it lasted", [
            $"Working again since {NoticeTimeText.Full(facts, resolvedAt)}.",
            $"The problem started at {NoticeTimeText.Full(facts, facts.StartedAt)} and lasted {NoticeTimeText.Duration(resolvedAt - facts.StartedAt)}."], false);
    }

    /// <summary>"Checkout is down", "Checkout and Orders are partly down", "Checkout and Orders are affected".</summary>
    internal static string ServicesAre(IReadOnlyList<AffectedService> services)
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

    internal static string Names(IReadOnlyList<AffectedService> services) => services.Count switch
    {
        0 => "the affected services",
        1 => Name(services[0]),
        <= 3 => $"{string.Join(", ", services.Take(services.Count - 1).Select(Name))} and {Name(services[^1])}",
        _ => string.Create(CultureInfo.InvariantCulture, $"{Name(services[0])}, {Name(services[1])} and {services.Count - 2} other services"),
    };

    internal static string Works(IReadOnlyList<AffectedService> services) => services.Count == 1 ? "works" : "work";

    internal static string StatusPhrase(ServiceStatus status) => status switch
    {
        ServiceStatus.MajorOutage => "down",
        ServiceStatus.PartialOutage => "partly down",
        ServiceStatus.DegradedPerformance => "slow or unreliable",
        ServiceStatus.UnderMaintenance => "under maintenance",
        _ => "working normally",
    };

    /// <summary>"Outage", "Degraded" or "Incident": the subject's first word, from the worst affected status.</summary>
    internal static string Prefix(IReadOnlyList<AffectedService> services) =>
        services.Count == 0 ? "Incident" : services.Max(s => Rank(s.Status)) switch
        {
            >= 2 => "Outage",
            1 => "Degraded",
            _ => "Incident",
        };

    private static string Describe(AffectedService service, bool withStatus)
    {
        var line = withStatus ? $"{Name(service)}: {StatusPhrase(service.Status)}" : Name(service);
        var via = NoticeTextSanitizer.OneLine(service.ViaServiceName) is { Length: > 0 } viaName ? viaName : NoticeTextSanitizer.OneLine(service.ViaServiceId);
        return via.Length == 0 ? line : $"{line}, because it depends on {via}";
    }

    private static string Name(AffectedService service) =>
        NoticeTextSanitizer.OneLine(service.Name) is { Length: > 0 } name ? name : NoticeTextSanitizer.OneLine(service.ServiceId);

    private static int Rank(ServiceStatus status) => status switch
    {
        ServiceStatus.MajorOutage => 3,
        ServiceStatus.PartialOutage => 2,
        ServiceStatus.DegradedPerformance => 1,
        _ => 0,
    };
}
