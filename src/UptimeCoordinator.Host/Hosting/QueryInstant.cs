using System.Globalization;
using UptimeCoordinator.Domain;

namespace UptimeCoordinator.Host.Hosting;

/// <summary>An RFC 3339 time with an offset from a query string, where an unescaped "+" arrives as a space.</summary>
internal static class QueryInstant
{
    public static DateTimeOffset? Parse(string? value, string path, ValidationErrors errors)
    {
        if (value is null)
        {
            return null;
        }

        value = value.Replace(' ', '+');
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) && HasOffset(value))
        {
            return instant;
        }

        errors.Add(path, "must be an RFC 3339 time with an offset");
        return null;
    }

    private static bool HasOffset(string value) =>
        value.EndsWith('Z') || value.EndsWith('z') || (value.Length > 6 && value[^6] is '+' or '-' && value[^3] == ':');
}
