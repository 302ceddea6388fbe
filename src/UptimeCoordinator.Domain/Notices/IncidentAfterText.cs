using UptimeCoordinator.Domain.Incidents;
using static UptimeCoordinator.Domain.Notices.IncidentNoticeSections;

namespace UptimeCoordinator.Domain.Notices;

/// <summary>
/// The notices that close the story: a responder's resolution (what was done, how long, time spent,
/// what remains), a dismissed report, then "is it working for you now?" and "how did we do?".
/// </summary>
internal static class IncidentAfterText
{
    internal static (string Subject, string Intro, NoticeSection[] Sections) Resolved(IncidentNoticeFacts facts)
    {
        if (facts.Resolution is not { IsAutomatic: false } resolution)
        {
            return IncidentNoticeText.Resolved(facts);
        }

        var client = Client(facts);
        var services = facts.AffectedServices;
        var names = Names(services);
        var lasted = NoticeTimeText.Duration((facts.ResolvedAt ?? facts.At) - facts.StartedAt);
        var summary = NoticeTextSanitizer.Message(resolution.Summary);
        var done = new List<string> { summary ?? "Our engineers fixed the problem." };
        if (NoticeTextSanitizer.Message(resolution.GeneratedSummary) is { } seen && seen != summary)
        {
            done.Add($"What our monitoring saw: {seen}");
        }

        var sections = new List<NoticeSection>
        {
            Affected($"What was affected for {client}", facts, withStatus: false),
            Lasted(facts),
            new("What was done", [.. done], false),
        };
        if (Items(resolution.ActionsTaken) is { Length: > 0 } actions)
        {
            sections.Add(new("What our team did", actions, true));
        }

        if (resolution.TimeSpentMinutes is > 0 and var minutes)
        {
            sections.Add(new("Time our team spent", [$"Our team spent {NoticeTimeText.Duration(TimeSpan.FromMinutes(minutes))} on it."], false));
        }

        var followUps = Items(resolution.FollowUps);
        sections.Add(followUps.Length > 0
            ? new("What remains", followUps, true)
            : new("What remains", ["Nothing remains to be done on our side."], false));
        sections.Add(new("What happens next", [
            "Nothing is needed from you.",
            "In a while we will ask you whether everything works for you again. Until then, if anything still does not work for you, reply or contact us."], false));
        return (
            $"Resolved: {names} {Works(services)} again for {client} ({(facts.Severity == IncidentSeverity.Critical ? "down" : "disrupted")} {lasted})",
            $"Good news: {names} {Works(services)} again for {client}. Here is what we did, how long it took and what remains.",
            [.. sections]);
    }

    /// <summary>To the client whose report ops checked and found nothing behind: the reason, and the door left open.</summary>
    internal static (string Subject, string Intro, NoticeSection[] Sections) Dismissed(IncidentNoticeFacts facts)
    {
        var client = Client(facts);
        var names = Names(facts.AffectedServices);
        string[] found = NoticeTextSanitizer.Message(facts.Message) is { } message
            ? ["Our engineers checked it against our monitoring.", $"What our team found: {message}"]
            : ["Our engineers checked it against our monitoring."];
        return (
            $"Your report about {names} for {client}: no fault found on our side",
            "We checked your report and found no fault on our side.",
            [
                Affected($"What you reported for {client}", facts, withStatus: false),
                new("Since when", [
                    $"The report reached us at {NoticeTimeText.Full(facts, facts.StartedAt)}.",
                    $"We finished checking it at {NoticeTimeText.Full(facts, facts.ResolvedAt ?? facts.At)}."], false),
                new("What we found", found, false),
                new("What remains", ["Nothing is needed from you. If it still does not work for you, please tell us: reply or report it again, and we will look at it again."], false),
            ]);
    }

    internal static (string Subject, string Intro, NoticeSection[] Sections) FollowUp(IncidentNoticeFacts facts)
    {
        var client = Client(facts);
        var names = Names(facts.AffectedServices);
        var resolvedAt = facts.ResolvedAt ?? facts.At;
        const string Reopens = "If you tell us it is not fixed, we reopen the incident immediately and our engineers get back on it.";
        string[] ask = Link(facts) is { } url
            ? [$"Please tell us whether it works for you now: {url}", "There you can confirm that it is fixed, or tell us that it is not.", Reopens]
            : ["Please reply to this message to tell us whether it works for you now: confirm that it is fixed, or tell us that it is not.", Reopens];
        return (
            $"Is it working for you now? {names} for {client}",
            $"We fixed the problem with {names} for {client} at {NoticeTimeText.Full(facts, resolvedAt)}. Is it working for you now?",
            [
                Affected($"What was affected for {client}", facts, withStatus: false),
                new("What was done", [
                    Summary(facts) ?? "Our engineers fixed the problem.",
                    $"The problem started at {NoticeTimeText.Full(facts, facts.StartedAt)} and lasted {NoticeTimeText.Duration(resolvedAt - facts.StartedAt)}."], false),
                new("Please tell us", ask, false),
            ]);
    }

    internal static (string Subject, string Intro, NoticeSection[] Sections) Survey(IncidentNoticeFacts facts)
    {
        var names = Names(facts.AffectedServices);
        var client = Client(facts);
        string[] rate = Link(facts) is { } url
            ? [$"Please rate how we handled it, from 1 (poor) to 5 (excellent): {url}", "A comment is welcome but optional. It takes a minute."]
            : ["Please reply with a rating from 1 (poor) to 5 (excellent), and a comment if you like. It takes a minute."];
        return (
            $"How did we do? {names} for {client}",
            $"We fixed the problem with {names} for {client} at {NoticeTimeText.Full(facts, facts.ResolvedAt ?? facts.At)}. How did we do?",
            [new("Rate us", rate, false)]);
    }

    // The token travels only inside the link (the webhook payload carries it too): it is never printed on its own.
    private static string? Link(IncidentNoticeFacts facts) => NoticeTextSanitizer.OneLine(facts.FeedbackUrl) is { Length: > 0 } url ? url : null;

    private static string? Summary(IncidentNoticeFacts facts) =>
        NoticeTextSanitizer.Message(facts.Resolution?.Summary) ?? NoticeTextSanitizer.Message(facts.Resolution?.GeneratedSummary);

    private static string[] Items(IReadOnlyList<string>? items) =>
        [.. (items ?? []).Select(NoticeTextSanitizer.OneLine).Where(item => item.Length > 0)];
}
