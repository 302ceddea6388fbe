using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Domain.Services;
using static UptimeCoordinator.Domain.Notices.IncidentNoticeSections;

namespace UptimeCoordinator.Domain.Notices;

/// <summary>
/// Writes an incident notice for one contact: a one-line subject, plain text and the same content as HTML.
/// Every client notice says, for the contact's client, what is affected, since when, what we are doing, when they
/// will hear from us next and the ETA; a resolved notice says how long it lasted, what was done and what remains.
/// Notices for the responders say what happened and what to do about it.
/// </summary>
public static class IncidentNoticeText
{
    /// <summary>
    /// Renders an incident notice: monitoring's detected, update and resolved (no bulletin), and every kind an
    /// incident's bulletin yields (see <see cref="BulletinPlanner.KindFor"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The kind is not an incident notice, or no bulletin of <see cref="IncidentNoticeFacts.Bulletin"/> yields it.</exception>
    public static NoticeContent Render(IncidentNoticeFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var (subject, intro, sections) = (facts.Kind, facts.Bulletin) switch
        {
            (NoticeKind.IncidentDetected, null) => Detected(facts),
            (NoticeKind.IncidentDetected, BulletinKind.Declared or BulletinKind.Confirmed) => IncidentProgressText.Detected(facts),
            (NoticeKind.IncidentAcknowledged, BulletinKind.Acknowledged) => IncidentProgressText.Acknowledged(facts),
            (NoticeKind.IncidentAcknowledged, BulletinKind.ReportReceived) => IncidentProgressText.ReportReceived(facts),
            (NoticeKind.IncidentAcknowledged, BulletinKind.ReopenedForClient) => IncidentProgressText.ReopenedForClient(facts),
            (NoticeKind.IncidentUpdate, null) => Update(facts),
            (NoticeKind.IncidentUpdate, BulletinKind.Updated) => IncidentProgressText.Updated(facts),
            (NoticeKind.IncidentUpdate, BulletinKind.StillWorking) => IncidentProgressText.StillWorking(facts),
            (NoticeKind.IncidentUpdate, BulletinKind.Declared or BulletinKind.Confirmed) => IncidentProgressText.Confirmed(facts),
            (NoticeKind.IncidentEtaChanged, BulletinKind.EtaChanged) => IncidentProgressText.EtaChanged(facts),
            (NoticeKind.IncidentResolved, null) => Resolved(facts),
            (NoticeKind.IncidentResolved, BulletinKind.Resolved) => IncidentAfterText.Resolved(facts),
            (NoticeKind.IncidentResolved, BulletinKind.Dismissed) => IncidentAfterText.Dismissed(facts),
            (NoticeKind.IncidentFollowUp, BulletinKind.FollowUp) => IncidentAfterText.FollowUp(facts),
            (NoticeKind.IncidentSurvey, BulletinKind.Survey) => IncidentAfterText.Survey(facts),
            (NoticeKind.IncidentReported, BulletinKind.Reported) => ResponderNoticeText.Reported(facts),
            (NoticeKind.IncidentReopened, BulletinKind.Reopened) => ResponderNoticeText.Reopened(facts),
            (NoticeKind.IncidentNudge, BulletinKind.Nudge) => ResponderNoticeText.Nudge(facts),
            _ => throw new ArgumentOutOfRangeException(nameof(facts), facts.Kind, $"No incident notice of this kind is written for bulletin '{facts.Bulletin?.ToString() ?? "none"}'."),
        };

        subject = NoticeTextSanitizer.Subject(subject);
        var greeting = NoticeTextSanitizer.OneLine(facts.ContactName) is { Length: > 0 } name ? $"Hello {name}," : "Hello,";
        NoticeSection[] all = [.. sections, Reference(facts)];
        return new NoticeContent(subject, NoticeDocument.Text(greeting, intro, all), NoticeDocument.Html(subject, greeting, intro, all));
    }

    /// <summary>The first news of a problem: the subject and sections every detected notice shares, with its own intro and "what we are doing".</summary>
    internal static (string Subject, string Intro, NoticeSection[] Sections) Detected(IncidentNoticeFacts facts, string intro, string[] doing) => (
        $"{Prefix(facts.AffectedServices)}: {ServicesAre(facts.AffectedServices)} for {Client(facts)} (since {NoticeTimeText.Clock(facts, facts.StartedAt)} {Zone(facts)})",
        intro,
        [Affected($"What is affected for {Client(facts)}", facts, withStatus: true), Since(facts), new("What we are doing", doing, false), Eta(facts), NextUpdate(facts)]);

    /// <summary>Monitoring's "fixed": only what monitoring shows, plus what the resolution says when there is one.</summary>
    internal static (string Subject, string Intro, NoticeSection[] Sections) Resolved(IncidentNoticeFacts facts)
    {
        var client = Client(facts);
        var services = facts.AffectedServices;
        var resolvedAt = facts.ResolvedAt ?? facts.At;
        var lasted = NoticeTimeText.Duration(resolvedAt - facts.StartedAt);
        var names = Names(services);

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

        if (NoticeTextSanitizer.Message(facts.Resolution?.GeneratedSummary) is { } seen && seen != NoticeTextSanitizer.Message(facts.Message))
        {
            done.Add($"What our monitoring saw: {seen}");
        }

        done.Add("We will review the incident to understand what caused it.");
        return (
            $"Resolved: {names} {Works(services)} again for {client} ({(facts.Severity == IncidentSeverity.Critical ? "down" : "disrupted")} {lasted})",
            $"Good news: {names} {Works(services)} again for {client}.",
            [
                Affected($"What was affected for {client}", facts, withStatus: false),
                Lasted(facts),
                new("What was done", [.. done], false),
                new("What remains", ["Nothing is needed from you. If anything still does not work for you, reply or contact us: we will treat it as a new report."], false),
            ]);
    }

    private static (string Subject, string Intro, NoticeSection[] Sections) Detected(IncidentNoticeFacts facts)
    {
        string[] doing = NoticeTextSanitizer.Message(facts.Message) is { } message
            ? ["Our on-call engineers have been alerted and are investigating.", $"What our monitoring reported: {message}"]
            : ["Our on-call engineers have been alerted and are investigating."];
        return Detected(
            facts,
            $"We have detected a problem that affects {Client(facts)}. You do not need to report it: we already know about it and are working on it.",
            doing);
    }

    private static (string Subject, string Intro, NoticeSection[] Sections) Update(IncidentNoticeFacts facts)
    {
        var client = Client(facts);
        var working = facts.AffectedServices.Count > 0 && facts.AffectedServices.All(s => s.Status == ServiceStatus.Operational);
        var doing = working
            ? "The affected services are working again. We are watching them closely before we close the incident."
            : "Our engineers are still working on it.";
        return (
            $"Update: {ServicesAre(facts.AffectedServices)} for {client} ({NextOrSince(facts)})",
            $"Here is the latest on the problem that affects {client}.",
            [
                Affected($"Current status for {client}", facts, withStatus: true),
                new("What changed", [NoticeTextSanitizer.Message(facts.Message) ?? "The current status of each affected service is listed above."], false),
                new("What we are doing", [doing], false),
                Since(facts), Eta(facts), NextUpdate(facts),
            ]);
    }
}
