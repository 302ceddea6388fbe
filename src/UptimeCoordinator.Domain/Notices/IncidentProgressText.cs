using UptimeCoordinator.Domain.Incidents;
using static UptimeCoordinator.Domain.Notices.IncidentNoticeSections;

namespace UptimeCoordinator.Domain.Notices;

/// <summary>
/// The notices of an open incident that its responders and its reporters bring: declared or confirmed,
/// someone on it, a client's report received, reopened at a client's word, updates, and a moved ETA.
/// </summary>
internal static class IncidentProgressText
{
    /// <summary>First news of a problem our team declared, or a client's report our team confirmed.</summary>
    internal static (string Subject, string Intro, NoticeSection[] Sections) Detected(IncidentNoticeFacts facts)
    {
        var client = Client(facts);
        var confirmed = facts.Bulletin == BulletinKind.Confirmed;
        var intro = confirmed
            ? $"We have confirmed a problem reported by a client that affects {client}. You do not need to report it: we already know about it and are working on it."
            : $"Our team has found a problem that affects {client}. You do not need to report it: we already know about it and are working on it.";
        string[] doing = [confirmed ? "Our engineers are investigating." : "Our engineers are working on it.", .. TeamReports(facts)];
        return IncidentNoticeText.Detected(facts, intro, doing);
    }

    /// <summary>A declaration or confirmation reaching someone who was already told something is broken.</summary>
    internal static (string Subject, string Intro, NoticeSection[] Sections) Confirmed(IncidentNoticeFacts facts)
    {
        var client = Client(facts);
        return (
            $"Confirmed: {ServicesAre(facts.AffectedServices)} for {client} ({NextOrSince(facts)})",
            $"We have confirmed the problem that affects {client}, and our engineers are working on it.",
            [
                Affected($"Current status for {client}", facts, withStatus: true),
                new("What changed", ["Our team has confirmed the problem.", .. TeamReports(facts)], false),
                new("What we are doing", [Doing(facts.Stage)], false),
                Since(facts), Eta(facts), NextUpdate(facts),
            ]);
    }

    internal static (string Subject, string Intro, NoticeSection[] Sections) Acknowledged(IncidentNoticeFacts facts)
    {
        var client = Client(facts);
        var person = Person(facts.By);
        var estimate = facts.Eta is { } eta ? $"fix expected by {NoticeTimeText.Clock(facts, eta)} {Zone(facts)}" : "no estimate yet";
        return (
            $"Engineer on it: {ServicesAre(facts.AffectedServices)} for {client} ({estimate})",
            person is null
                ? $"An engineer is now working on the problem that affects {client}."
                : $"An engineer, {person}, is now working on the problem that affects {client}.",
            [
                Affected($"What is affected for {client}", facts, withStatus: true),
                Since(facts),
                new("What we are doing", [$"{person ?? "An engineer"} is on it and working on a fix.", .. Latest(facts)], false),
                Eta(facts), NextUpdate(facts),
            ]);
    }

    /// <summary>
    /// The answer to a client's report. An unconfirmed report is checked against monitoring before anyone
    /// is told more; a report of a problem we already have is answered with what we are doing about it.
    /// </summary>
    internal static (string Subject, string Intro, NoticeSection[] Sections) ReportReceived(IncidentNoticeFacts facts)
    {
        var client = Client(facts);
        var names = Names(facts.AffectedServices);
        var reported = new NoticeSection("What you reported", [NoticeTextSanitizer.Message(facts.Message) ?? $"A problem with {names}."], false);
        if (facts.Stage == IncidentStage.Suspected)
        {
            // Monitoring may show the services working: their status would contradict the client, so it is left out.
            NoticeSection[] checking =
            [
                reported,
                Affected($"What you reported it affects for {client}", facts, withStatus: false),
                new("Since when", [$"The first report of it reached us at {NoticeTimeText.Full(facts, facts.StartedAt)}."], false),
                new("What we are doing", ["We are checking it against our monitoring and will tell you what we find."], false),
            ];
            return (
                $"We received your report: checking {names} for {client}",
                $"Thank you for telling us. We received your report of a problem with {names} for {client}, and we are looking into it.",
                [.. checking, .. facts.Eta is null ? Array.Empty<NoticeSection>() : [Eta(facts)], NextUpdate(facts)]);
        }

        return (
            $"We received your report: we are already working on {names} for {client}",
            $"Thank you for telling us. We received your report, and we already know about this problem: our engineers are working on it.",
            [
                reported,
                Affected($"What is affected for {client}", facts, withStatus: true),
                Since(facts),
                new("What we are doing", ["We already know about this problem.", Doing(facts.Stage)], false),
                Eta(facts), NextUpdate(facts),
            ]);
    }

    internal static (string Subject, string Intro, NoticeSection[] Sections) ReopenedForClient(IncidentNoticeFacts facts)
    {
        var client = Client(facts);
        NoticeSection[] told = NoticeTextSanitizer.Message(facts.Message) is { } message ? [new("What you told us", [message], false)] : [];
        return (
            $"Reopened: we are working on {Names(facts.AffectedServices)} for {client} again",
            "You told us it is still not working: we have reopened the incident and our engineers are on it again.",
            [
                .. told,

                // Monitoring may still show the services working; the client says otherwise, and is believed.
                Affected($"What is affected for {client}", facts, withStatus: false),
                new("Since when", [
                    $"The problem started at {NoticeTimeText.Full(facts, facts.StartedAt)}.",
                    $"We reopened the incident at {NoticeTimeText.Full(facts, facts.At)}."], false),
                new("What we are doing", ["Our engineers are looking at it again. Thank you for telling us."], false),
                Eta(facts), NextUpdate(facts),
            ]);
    }

    internal static (string Subject, string Intro, NoticeSection[] Sections) Updated(IncidentNoticeFacts facts)
    {
        var client = Client(facts);
        var headline = facts.Stage switch
        {
            IncidentStage.Investigating => "Investigating",
            IncidentStage.Identified => "Cause found",
            IncidentStage.Monitoring => "Fix in place",
            _ => "Update",
        };
        return (
            $"{headline}: {ServicesAre(facts.AffectedServices)} for {client} ({NextOrSince(facts)})",
            $"Here is the latest from our team on the problem that affects {client}.",
            [
                Affected($"Current status for {client}", facts, withStatus: true),
                new("Latest from our team", [NoticeTextSanitizer.Message(facts.Message) ?? "Nothing new beyond the current status above."], false),
                new("What we are doing", [Doing(facts.Stage)], false),
                Since(facts), Eta(facts), NextUpdate(facts),
            ]);
    }

    /// <summary>The holding update when nobody has posted one in time: no client is left without news.</summary>
    internal static (string Subject, string Intro, NoticeSection[] Sections) StillWorking(IncidentNoticeFacts facts)
    {
        var client = Client(facts);
        return (
            $"Still working on it: {ServicesAre(facts.AffectedServices)} for {client} ({NextOrSince(facts)})",
            $"We are still working on the problem that affects {client}; there is nothing new to report yet.",
            [
                Affected($"Current status for {client}", facts, withStatus: true),
                new("What we are doing", ["We are still working on it; there is nothing new to report yet.", .. Progress(facts.Stage) is { } progress ? [progress] : Array.Empty<string>()], false),
                Since(facts), Eta(facts), NextUpdate(facts),
            ]);
    }

    internal static (string Subject, string Intro, NoticeSection[] Sections) EtaChanged(IncidentNoticeFacts facts)
    {
        var client = Client(facts);
        var names = Names(facts.AffectedServices);
        return (
            facts.Eta is { } eta
                ? $"New estimate: {names} for {client} fixed by {NoticeTimeText.Clock(facts, eta)} ({Zone(facts)})"
                : $"New estimate: no estimate yet for {names} for {client}",
            $"Our estimate of when {names} will be fixed for {client} has changed.",
            [
                Affected($"Current status for {client}", facts, withStatus: true),
                new("The new estimate", Estimate(facts), false),
                .. NoticeTextSanitizer.Message(facts.Message) is { } message ? [new NoticeSection("Latest from our team", [message], false)] : Array.Empty<NoticeSection>(),
                new("What we are doing", [Doing(facts.Stage)], false),
                Since(facts), NextUpdate(facts),
            ]);
    }

    private static string[] Estimate(IncidentNoticeFacts facts)
    {
        var before = facts.PreviousEta is { } previous ? NoticeTimeText.Full(facts, previous) : null;
        if (facts.Eta is not { } eta)
        {
            return before is null
                ? ["There is no estimate yet of when it will be fixed."]
                : [$"We no longer have an estimate of when it will be fixed. The estimate we gave you before was {before}."];
        }

        var compared = facts.PreviousEta switch
        {
            null => "Before, we had given you no estimate.",
            { } p when eta > p => $"The new estimate is later than the one we gave you: {before}. That is {NoticeTimeText.Duration(eta - p)} later.",
            { } p when eta < p => $"The new estimate is earlier than the one we gave you: {before}. That is {NoticeTimeText.Duration(p - eta)} earlier.",
            _ => $"It is the same as the estimate we gave you before: {before}.",
        };
        return [$"We now expect it fixed by {NoticeTimeText.Full(facts, eta)}.", compared, "This is an estimate; we will tell you if it changes."];
    }

    private static string[] TeamReports(IncidentNoticeFacts facts) =>
        NoticeTextSanitizer.Message(facts.Message) is { } message ? [$"What our team reports: {message}"] : [];

    private static string[] Latest(IncidentNoticeFacts facts) =>
        NoticeTextSanitizer.Message(facts.Message) is { } message ? [$"Latest from our team: {message}"] : [];
}
