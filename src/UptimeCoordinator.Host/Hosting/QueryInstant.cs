using System.Globalization;
using UptimeCoordinator.Domain;

namespace UptimeCoordinator.Host.Hosting;

/// <summary>
/// An RFC 3339 time with an offset from a query string, where an unescaped "+" arrives as a space,
/// in the years a month can be asked for (<see cref="QueryMonth"/>): the figures computed from it
/// step past it by a month and a tick, which must stay within <see cref="DateTimeOffset"/>'s range.
/// </summary>
internal static class QueryInstant
{
    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset? Parse(string? value, string path, ValidationErrors errors)
    {
        if (value is null)
        {
            return null;
        }

        value = value.Replace(' ', '+');
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) || !HasOffset(value))
        {
            errors.Add(path, "must be an RFC 3339 time with an offset");
            return null;
        }

        if (instant < Earliest || instant >= Latest)
        {
            errors.Add(path, "must be in the years 2000 to 9998");
            return null;
        }

        return instant;
    }

    private static bool HasOffset(string value) =>
        value.EndsWith('Z') || value.EndsWith('z') || (value.Length > 6 && value[^6] is '+' or '-' && value[^3] == ':');
}
