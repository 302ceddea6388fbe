using System.Globalization;

namespace UptimeCoordinator.Domain.Notices;

/// <summary>
/// How a maintenance notice shows its window: in the contact's zone, in English, in the same words
/// as <see cref="NoticeTimeText"/> (which reads an incident's facts, so it cannot serve a window).
/// </summary>
internal static class MaintenanceNoticeTime
{
    private static readonly CultureInfo En = CultureInfo.InvariantCulture;

    /// <summary>"02:00 on Saturday 14 March 2026 (Asia/Tokyo, UTC+09:00)", with the offset in force at that instant.</summary>
    internal static string Full(TimeZoneInfo zone, DateTimeOffset instant) => NoticeTimeText.Full(zone, instant);

    /// <summary>
    /// "from 02:00 to 06:00 on Saturday 14 March 2026 (Asia/Tokyo, UTC+09:00)"; across midnight or a change
    /// of offset, each end in full, so nobody has to work out which day or which offset the end is on.
    /// </summary>
    internal static string Range(TimeZoneInfo zone, DateTimeOffset start, DateTimeOffset end)
    {
        var (from, to) = (TimeZoneInfo.ConvertTime(start, zone), TimeZoneInfo.ConvertTime(end, zone));
        if (from.Offset != to.Offset)
        {
            return $"from {Full(zone, start)} to {Full(zone, end)}";
        }

        return from.Date == to.Date
            ? $"from {from.ToString("HH:mm", En)} to {to.ToString("HH:mm 'on' dddd d MMMM yyyy", En)} ({Label(zone, from.Offset)})"
            : $"from {from.ToString("HH:mm 'on' dddd d MMMM yyyy", En)} to {to.ToString("HH:mm 'on' dddd d MMMM yyyy", En)} ({Label(zone, from.Offset)})";
    }

    /// <summary>"02:00–06:00 on Saturday 14 March 2026 (Asia/Tokyo)", for subjects; each end with its day when they differ.</summary>
    internal static string Short(TimeZoneInfo zone, DateTimeOffset start, DateTimeOffset end)
    {
        var (from, to) = (TimeZoneInfo.ConvertTime(start, zone), TimeZoneInfo.ConvertTime(end, zone));
        var span = from.Date == to.Date
            ? $"{from.ToString("HH:mm", En)}–{to.ToString("HH:mm 'on' dddd d MMMM yyyy", En)}"
            : $"{from.ToString("HH:mm 'on' dddd d MMMM", En)} – {to.ToString("HH:mm 'on' dddd d MMMM yyyy", En)}";
        return $"{span} ({NoticeTimeText.ZoneName(zone)})";
    }

    /// <summary>"06:00 Asia/Tokyo", or "06:00 on Sunday 15 March Asia/Tokyo" when not the same local day as <paramref name="today"/>.</summary>
    internal static string Clock(TimeZoneInfo zone, DateTimeOffset instant, DateTimeOffset today)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var sameDay = local.Date == TimeZoneInfo.ConvertTime(today, zone).Date;
        return $"{local.ToString(sameDay ? "HH:mm" : "HH:mm 'on' dddd d MMMM", En)} {NoticeTimeText.ZoneName(zone)}";
    }

    private static string Label(TimeZoneInfo zone, TimeSpan offset) => NoticeTimeText.Label(zone, offset);
}
