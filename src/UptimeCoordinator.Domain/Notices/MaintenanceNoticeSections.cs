using UptimeCoordinator.Domain.Maintenance;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Notices;

/// <summary>
/// The parts every maintenance notice is built from: what is affected and how, when, what the work is,
/// what it means for the contact, the calendar, what comes next and the reference. Every user-provided
/// string passes through <see cref="NoticeTextSanitizer"/> here.
/// </summary>
internal static class MaintenanceNoticeSections
{
    /// <summary>Where the work stands for the reader: the tense every line about a service is written in.</summary>
    internal enum Tense
    {
        Ahead,
        Now,
        Done,
        Off,
    }

    internal static string Client(MaintenanceNoticeFacts facts) => NoticeTextSanitizer.OneLine(facts.ClientName);

    internal static string Names(MaintenanceNoticeFacts facts) => IncidentNoticeSections.Names(facts.AffectedServices);

    internal static string Title(MaintenanceNoticeFacts facts) =>
        NoticeTextSanitizer.OneLine(facts.Title) is { Length: > 0 } title ? title : "Planned maintenance";

    internal static string Range(MaintenanceNoticeFacts facts, DateTimeOffset start, DateTimeOffset end) =>
        MaintenanceNoticeTime.Range(facts.TimeZone, start, end);

    internal static string Full(MaintenanceNoticeFacts facts, DateTimeOffset instant) => MaintenanceNoticeTime.Full(facts.TimeZone, instant);

    internal static string Short(MaintenanceNoticeFacts facts, DateTimeOffset start, DateTimeOffset end) =>
        MaintenanceNoticeTime.Short(facts.TimeZone, start, end);

    internal static string Lasts(MaintenanceBulletin bulletin) => NoticeTimeText.Duration(bulletin.End - bulletin.Start);

    internal static NoticeSection Affected(string heading, MaintenanceNoticeFacts facts, Tense tense) =>
        new(heading, [.. facts.AffectedServices.Select(s => Describe(s, tense))], true);

    /// <summary>"What the work is": the title, and the description when there is one.</summary>
    internal static NoticeSection Work(string heading, MaintenanceNoticeFacts facts) =>
        new(heading, NoticeTextSanitizer.Message(facts.Description) is { } description ? [Title(facts), description] : [Title(facts)], false);

    /// <summary>What the work does to the contact's services, so that nobody has to translate statuses into consequences.</summary>
    internal static NoticeSection Meaning(MaintenanceNoticeFacts facts, Tense tense)
    {
        var down = facts.AffectedServices.Where(Unavailable).ToList();
        var limited = facts.AffectedServices.Where(s => !Unavailable(s)).ToList();
        var lines = new List<string>();
        if (down.Count > 0)
        {
            lines.Add(tense == Tense.Now
                ? $"Until the work is finished, {IncidentNoticeSections.Names(down)} {(down.Count == 1 ? "is" : "are")} unavailable."
                : $"{IncidentNoticeSections.Names(down)} will be unavailable for the whole time.");
        }

        if (limited.Count > 0)
        {
            lines.Add(tense == Tense.Now
                ? $"Until the work is finished, {IncidentNoticeSections.Names(limited)} may not work fully."
                : $"{IncidentNoticeSections.Names(limited)} will keep running, but may not work fully during that time.");
        }

        lines.Add(tense == Tense.Now
            ? "You do not need to report it: this is the planned work, and we are watching it."
            : "Please plan around this time. You do not need to report it when it happens: we will know.");
        return new("What it means for you", [.. lines], false);
    }

    /// <summary>The invite and its link, for the notices that announce the work or call it off; null when there is neither.</summary>
    internal static NoticeSection? Calendar(MaintenanceNoticeFacts facts)
    {
        var lines = new List<string>();
        var cancelled = facts.Bulletin.Kind == MaintenanceBulletinKind.Cancelled;
        if (facts.InviteAttached)
        {
            lines.Add(cancelled
                ? "The calendar update attached to this email removes the work from your calendar."
                : "Open the calendar invite attached to this email to add the work to your calendar. If we move or cancel it, our next email carries an update.");
        }
        else if (cancelled)
        {
            lines.Add("If you put the work in your calendar, you can remove it.");
        }

        if (!cancelled && NoticeTextSanitizer.OneLine(facts.CalendarUrl) is { Length: > 0 } url)
        {
            lines.Add($"Calendar entry: {url}");
        }

        return lines.Count == 0 ? null : new("Your calendar", [.. lines], false);
    }

    /// <summary>What the contact will hear about the work from here on: only what its stages will bring.</summary>
    internal static NoticeSection AheadNext(MaintenanceNoticeFacts facts)
    {
        var lines = new List<string>();
        if (facts.Hears(NoticeKind.MaintenanceReminder) && facts.RemindersAhead is { Count: > 0 } leads)
        {
            lines.Add($"We will remind you {And([.. leads.Order().Reverse().Select(NoticeTimeText.Duration)])} before it starts.");
        }

        lines.Add((facts.Hears(NoticeKind.MaintenanceStarted), facts.Hears(NoticeKind.MaintenanceCompleted)) switch
        {
            (true, true) => "We will tell you when the work starts and when it is finished.",
            (true, false) => "We will tell you when the work starts.",
            (false, true) => "We will tell you when the work is finished.",
            _ => "",
        });
        if (facts.Hears(NoticeKind.MaintenanceChanged))
        {
            lines.Add("If the plan changes, we will tell you straight away.");
        }

        lines.RemoveAll(line => line.Length == 0);
        return new("What happens next", lines.Count > 0
            ? [.. lines]
            : ["You chose not to receive the later maintenance notices, so this is the last you will hear from us about this work."], false);
    }

    internal static NoticeSection Reference(MaintenanceNoticeFacts facts) =>
        new("Maintenance reference", [$"{NoticeTextSanitizer.OneLine(facts.WindowId)}: {Title(facts)}"], false);

    /// <summary>"3 days, 1 day and 1 hour".</summary>
    internal static string And(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}",
    };

    internal static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static bool Unavailable(AffectedService service) => service.Status is ServiceStatus.UnderMaintenance or ServiceStatus.MajorOutage;

    private static string Describe(AffectedService service, Tense tense)
    {
        var name = NoticeTextSanitizer.OneLine(service.Name) is { Length: > 0 } n ? n : NoticeTextSanitizer.OneLine(service.ServiceId);
        var how = service.Status switch
        {
            ServiceStatus.UnderMaintenance or ServiceStatus.MajorOutage => "unavailable",
            ServiceStatus.DegradedPerformance => "may be slow",
            _ => "may not work fully",
        };
        var line = tense switch
        {
            Tense.Ahead => $"{name}: {how} during the work",
            Tense.Now => $"{name}: {how} until the work is finished",
            Tense.Off => $"{name}: keeps working as usual",
            _ => name,
        };
        var via = NoticeTextSanitizer.OneLine(service.ViaServiceName) is { Length: > 0 } viaName ? viaName : NoticeTextSanitizer.OneLine(service.ViaServiceId);
        return via.Length == 0 || tense == Tense.Off ? line : $"{line}, because it depends on {via}";
    }
}
