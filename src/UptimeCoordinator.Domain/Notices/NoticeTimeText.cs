using System.Globalization;

namespace UptimeCoordinator.Domain.Notices;

/// <summary>How a notice shows instants and durations: in the contact's zone, in English.</summary>
internal static class NoticeTimeText
{
    // Invariant culture has English day and month names: the text reads the same on every machine.
    private static readonly CultureInfo En = CultureInfo.InvariantCulture;

    /// <summary>"1 hour 5 minutes", "20 minutes", "less than a minute", to the nearest minute.</summary>
    internal static string Duration(TimeSpan span)
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
    internal static string Full(IncidentNoticeFacts facts, DateTimeOffset instant) => Full(facts.TimeZone, instant);

    /// <summary>The same for any notice, in <paramref name="zone"/>.</summary>
    internal static string Full(TimeZoneInfo zone, DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return $"{local.ToString("HH:mm 'on' dddd d MMMM yyyy", En)} ({Label(zone, local.Offset)})";
    }

    /// <summary>"Europe/Berlin, UTC+01:00", or just "UTC".</summary>
    internal static string Label(TimeZoneInfo zone, TimeSpan offset)
    {
        var name = ZoneName(zone);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return name is "UTC" or "Etc/UTC" ? "UTC" : $"{name}, UTC{sign}{offset.ToString(@"hh\:mm", En)}";
    }

    /// <summary>"14:30", or "00:30 on Friday 16 January" when that is not the day the notice is sent, locally.</summary>
    internal static string Clock(IncidentNoticeFacts facts, DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, facts.TimeZone);
        var sameDay = local.Date == TimeZoneInfo.ConvertTime(facts.At, facts.TimeZone).Date;
        return local.ToString(sameDay ? "HH:mm" : "HH:mm 'on' dddd d MMMM", En);
    }

    // .NET has no reliable zone abbreviations ("CET" is ICU- and culture-dependent), so notices name the IANA zone.
    internal static string ZoneName(TimeZoneInfo zone) => NoticeTextSanitizer.OneLine(
        !zone.HasIanaId && TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id);
}
