using UptimeCoordinator.Domain.Incidents;
using static UptimeCoordinator.Domain.Notices.IncidentNoticeSections;

namespace UptimeCoordinator.Domain.Notices;

/// <summary>
/// Notices for the responders (the ops channel): terse, with what happened and the API call that acts on it.
/// </summary>
internal static class ResponderNoticeText
{
    internal static (string Subject, string Intro, NoticeSection[] Sections) Reported(IncidentNoticeFacts facts)
    {
        var id = Id(facts);
        var who = Person(facts.By) ?? "a client";
        var names = Names(facts.AffectedServices);
        var stage = WireNames.Of(facts.Stage);
        string[] todo = facts.Stage == IncidentStage.Suspected
            ?
            [
                "Nobody has confirmed it yet: check it against monitoring, then confirm or dismiss it.",
                $"Confirm: {Api(facts, "confirm")}",
                $"Dismiss: {Api(facts, "dismiss")}",
            ]
            :
            [
                $"The report was added to this incident, which is {stage}. The client was told we already know and are working on it.",
                $"Post an update: {Api(facts, "updates")}",
            ];
        return (
            $"Reported: {who} reports a problem with {names} ({id}, {stage})",
            $"{Capitalized(who)} reported a problem with {names} at {NoticeTimeText.Full(facts, facts.At)}.",
            [
                new("What they reported", [NoticeTextSanitizer.Message(facts.Message) ?? "They gave no description."], false),
                Affected("Services in the report", facts, withStatus: false),
                new("What to do", todo, false),
            ]);
    }

    internal static (string Subject, string Intro, NoticeSection[] Sections) Reopened(IncidentNoticeFacts facts)
    {
        var id = Id(facts);
        var who = Person(facts.By) ?? "a client";
        return (
            $"Reopened: {id} is not fixed for {who}",
            $"{Capitalized(who)} says the problem with {Names(facts.AffectedServices)} is not fixed. The incident is open again.",
            [
                new("What they said", [NoticeTextSanitizer.Message(facts.Message) ?? "They added no comment."], false),
                Affected("Affected services", facts, withStatus: false),
                new("What to do", [
                    $"It needs acknowledging: {Api(facts, "acknowledge")}",
                    "The client was told we have reopened it and are on it again."], false),
            ]);
    }

    /// <summary>The incident has gone quiet for longer than clients were promised.</summary>
    internal static (string Subject, string Intro, NoticeSection[] Sections) Nudge(IncidentNoticeFacts facts)
    {
        var id = Id(facts);
        var quiet = NoticeTextSanitizer.Message(facts.Message) ?? "No update for a while.";
        string[] promised;
        string[] todo;
        if (facts.Stage == IncidentStage.Suspected)
        {
            promised = ["The client who reported it is waiting to hear what we found."];
            todo = [$"Confirm: {Api(facts, "confirm")}", $"Dismiss: {Api(facts, "dismiss")}"];
        }
        else
        {
            promised = ["Affected clients were promised regular updates. They were sent a holding update: still working on it, nothing new yet."];
            todo = facts.Stage == IncidentStage.Detected
                ? [$"Nobody has acknowledged it yet: {Api(facts, "acknowledge")}", $"Post an update, with an ETA if you have one: {Api(facts, "updates")}"]
                : [$"Post an update, with an ETA if you have one: {Api(facts, "updates")}"];
        }

        return (
            $"Nudge: {id} needs an update ({Names(facts.AffectedServices)})",
            $"{quiet} Incident {id} is at stage {WireNames.Of(facts.Stage)}.",
            [
                Affected("Affected services", facts, withStatus: true),
                new("What clients were promised", promised, false),
                new("What to do", todo, false),
            ]);
    }

    private static string Id(IncidentNoticeFacts facts) => NoticeTextSanitizer.OneLine(facts.IncidentId);

    private static string Api(IncidentNoticeFacts facts, string action) => $"POST /api/v1/incidents/{Uri.EscapeDataString(Id(facts))}/{action}";

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
