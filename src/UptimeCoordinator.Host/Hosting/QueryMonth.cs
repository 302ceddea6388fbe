using System.Globalization;

namespace UptimeCoordinator.Host.Hosting;

/// <summary>A calendar month from a query string, as <c>YYYY-MM</c>.</summary>
internal static class QueryMonth
{
    public const string Expected = "must be a calendar month as YYYY-MM, such as 2026-12";

    public static bool TryParse(string text, out int year, out int month)
    {
        year = month = 0;
        return text.Length == 7 && text[4] == '-'
            && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 2000 and <= 9998
            && int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out month) && month is >= 1 and <= 12;
    }
}
