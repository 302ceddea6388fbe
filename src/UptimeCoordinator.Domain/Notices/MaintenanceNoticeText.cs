using UptimeCoordinator.Domain.Maintenance;
using static UptimeCoordinator.Domain.Notices.MaintenanceNoticeSections;

namespace UptimeCoordinator.Domain.Notices;

/// <summary>
/// Writes a maintenance notice for one contact: a one-line subject, plain text and the same content as HTML.
/// Every notice says which of the client's services the work touches and how (directly, or through a service
/// they depend on), when it happens in the contact's own time and for how long, what the work is, what it
/// means for them and what they will hear next; a change gives the old time and the new.
/// </summary>
public static class MaintenanceNoticeText
{
    /// <exception cref="ArgumentException">The notice kind is not the one the bulletin yields.</exception>
    public static NoticeContent Render(MaintenanceNoticeFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var bulletin = facts.Bulletin;
        if (bulletin.Kind.NoticeKind() != facts.Kind)
        {
            throw new ArgumentException($"A {bulletin.Kind} step yields {bulletin.Kind.NoticeKind().WireName()}, not {facts.Kind.WireName()}.", nameof(facts));
        }

        var (subject, intro, sections) = bulletin.Kind switch
        {
            MaintenanceBulletinKind.Scheduled => Scheduled(facts),
            MaintenanceBulletinKind.Reminder => Reminder(facts),
            MaintenanceBulletinKind.Started => Started(facts),
            MaintenanceBulletinKind.Completed when bulletin.OverrunIncidentId is not null => Overran(facts),
            MaintenanceBulletinKind.Completed => Completed(facts),
            MaintenanceBulletinKind.Rescheduled => Rescheduled(facts),
            _ => Cancelled(facts),
        };

        subject = NoticeTextSanitizer.Subject(subject);
        var greeting = NoticeTextSanitizer.OneLine(facts.ContactName) is { Length: > 0 } name ? $"Hello {name}," : "Hello,";
        NoticeSection[] all = [.. sections.Where(s => s.HasValue).Select(s => s.GetValueOrDefault()), Reference(facts)];
        return new NoticeContent(subject, NoticeDocument.Text(greeting, intro, all), NoticeDocument.Html(subject, greeting, intro, all));
    }

    private static (string, string, NoticeSection?[]) Scheduled(MaintenanceNoticeFacts facts)
    {
        var b = facts.Bulletin;
        return (
            $"Planned maintenance on {Names(facts)}: {Short(facts, b.Start, b.End)}",
            $"We have planned maintenance that affects {Client(facts)}. We are telling you now so that you can plan around it.",
            Ahead(facts, new("When", [$"{Capitalized(Range(facts, b.Start, b.End))}.", $"It is planned to last {Lasts(b)}."], false)));
    }

    private static (string, string, NoticeSection?[]) Reminder(MaintenanceNoticeFacts facts)
    {
        var b = facts.Bulletin;
        var lead = NoticeTimeText.Duration(b.LeadTime ?? b.Start - b.At);
        return (
            $"Reminder: maintenance begins in {lead}: {Names(facts)}, {Short(facts, b.Start, b.End)}",
            $"A reminder: the planned maintenance that affects {Client(facts)} begins in {lead}.",
            Ahead(facts, new("When", [$"{Capitalized(Range(facts, b.Start, b.End))}.", $"It is planned to last {Lasts(b)}."], false)));
    }

    private static (string, string, NoticeSection?[]) Rescheduled(MaintenanceNoticeFacts facts)
    {
        var b = facts.Bulletin;
        var lines = new List<string> { $"{Capitalized(Range(facts, b.Start, b.End))}.", $"It is planned to last {Lasts(b)}." };
        if (b.PreviousStart is { } before && b.PreviousEnd is { } beforeEnd)
        {
            lines.Add($"Before, we had announced it {Range(facts, before, beforeEnd)}.");
            lines.Add(b.Start.CompareTo(before) switch
            {
                > 0 => $"It now starts {NoticeTimeText.Duration(b.Start - before)} later than we told you.",
                < 0 => $"It now starts {NoticeTimeText.Duration(before - b.Start)} earlier than we told you.",
                _ => "It starts at the same time as before; only its end has moved.",
            });
        }

        return (
            $"Maintenance moved: {Names(facts)}, now {Short(facts, b.Start, b.End)}",
            $"We have moved the planned maintenance that affects {Client(facts)}. Please go by the new time below: the old one no longer applies.",
            Ahead(facts, new("The new time", [.. lines], false)));
    }

    private static (string, string, NoticeSection?[]) Started(MaintenanceNoticeFacts facts)
    {
        var b = facts.Bulletin;
        var client = Client(facts);
        var end = MaintenanceNoticeTime.Clock(facts.TimeZone, b.End, b.At);
        var updates = facts.Hears(NoticeKind.IncidentUpdate) ? " and keep you updated until everything works again" : "";
        string[] next = facts.Hears(NoticeKind.MaintenanceCompleted)
            ? ["We will tell you when it is finished.", $"If it runs past {end}, we will tell you{updates}."]
            : [$"It is planned to be finished by {end}. If anything does not work for you after that, reply or contact us."];
        return (
            $"Maintenance started: {Names(facts)} (planned to finish at {end})",
            $"The planned maintenance that affects {client} has started.",
            [
                Affected($"What is affected for {client}", facts, Tense.Now),
                new("When", [$"The work started at {Full(facts, b.Start)}.", $"It is planned to finish at {Full(facts, b.End)}, after {Lasts(b)}."], false),
                Work("What the work is", facts),
                Meaning(facts, Tense.Now),
                new("What happens next", next, false),
            ]);
    }

    private static (string, string, NoticeSection?[]) Completed(MaintenanceNoticeFacts facts)
    {
        var b = facts.Bulletin;
        var client = Client(facts);
        var works = IncidentNoticeSections.Works(facts.AffectedServices);
        return (
            $"Maintenance finished: {Names(facts)} {works} normally again",
            $"The planned maintenance that affected {client} is finished, and {Names(facts)} {works} normally again.",
            [
                Affected($"What was under maintenance for {client}", facts, Tense.Done),
                new("When", [$"The work finished at {Full(facts, b.End)}, as planned. It started at {Full(facts, b.Start)} and took {Lasts(b)}."], false),
                Work("What the work was", facts),
                new("What happens next", ["Nothing is needed from you. If anything does not work for you, reply or contact us: we will treat it as a new report."], false),
            ]);
    }

    /// <summary>The work did not finish in its window: it became an incident, and the contact is told where the story goes on.</summary>
    private static (string, string, NoticeSection?[]) Overran(MaintenanceNoticeFacts facts)
    {
        var b = facts.Bulletin;
        var client = Client(facts);
        var incident = NoticeTextSanitizer.OneLine(b.OverrunIncidentId);
        var hearsIncident = facts.Hears(NoticeKind.IncidentUpdate) || facts.Hears(NoticeKind.IncidentResolved);
        return (
            $"Maintenance ran over: {Names(facts)} for {client}, now incident {incident}",
            $"The planned maintenance that affects {client} did not finish on time, and not everything works again yet. We are sorry: our engineers are on it.",
            [
                Affected($"What was under maintenance for {client}", facts, Tense.Done),
                new("When", [$"The work started at {Full(facts, b.Start)} and was planned to finish at {Full(facts, b.End)}.", "It has taken longer than planned."], false),
                Work("What the work is", facts),
                new("What we are doing", [$"We now handle the unfinished work as incident {incident}, and our engineers are working on it."], false),
                new("What happens next", [hearsIncident
                    ? $"You will get updates on incident {incident} until everything works again."
                    : $"You can follow incident {incident} on your status page until everything works again."], false),
            ]);
    }

    private static (string, string, NoticeSection?[]) Cancelled(MaintenanceNoticeFacts facts)
    {
        var b = facts.Bulletin;
        var client = Client(facts);
        string[] next = facts.Hears(NoticeKind.MaintenanceScheduled)
            ? ["Nothing is needed from you.", "If we plan this work again, we will send you a new notice with its time."]
            : ["Nothing is needed from you."];
        return (
            $"Maintenance cancelled: {Names(facts)}, {Short(facts, b.Start, b.End)}",
            $"We have cancelled the planned maintenance that affects {client}. Nothing will happen at the time announced.",
            [
                new("What was planned", [$"{Title(facts)}, {Range(facts, b.Start, b.End)}."], false),
                NoticeTextSanitizer.OneLine(b.Reason) is { Length: > 0 } reason ? new NoticeSection("Why", [reason], false) : null,
                Affected($"What this means for {client}", facts, Tense.Off),
                Calendar(facts),
                new("What happens next", next, false),
            ]);
    }

    /// <summary>The sections every notice of work still to come shares, after its own "when".</summary>
    private static NoticeSection?[] Ahead(MaintenanceNoticeFacts facts, NoticeSection when) =>
    [
        when,
        Affected($"What is affected for {Client(facts)}", facts, Tense.Ahead),
        Work("What the work is", facts),
        Meaning(facts, Tense.Ahead),
        Calendar(facts),
        AheadNext(facts),
    ];
}
