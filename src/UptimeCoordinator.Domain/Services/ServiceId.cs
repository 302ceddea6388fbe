using System.Text.RegularExpressions;

namespace UptimeCoordinator.Domain.Services;

/// <summary>Service ids are slugs so they can sit in URLs, Redis keys and notice ids unescaped.</summary>
public static partial class ServiceId
{
    public const string Pattern = "^[a-z0-9][a-z0-9-_.]{0,63}$";

    public static bool IsValid(string? id) => id is not null && SlugRegex().IsMatch(id);

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex SlugRegex();
}
