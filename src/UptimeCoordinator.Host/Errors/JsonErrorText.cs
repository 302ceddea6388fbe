using System.Text.Json;
using System.Text.RegularExpressions;

namespace UptimeCoordinator.Host.Errors;

/// <summary>Says what is wrong with a JSON body in the caller's terms, without naming .NET types.</summary>
public static partial class JsonErrorText
{
    public static string Describe(JsonException ex)
    {
        var path = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? null : ex.Path[2..];
        if (UnmappedMember().Match(ex.Message) is { Success: true } unmapped)
        {
            return $"'{unmapped.Groups[1].Value}' is not a known field.";
        }

        if (ex.Message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return path is null
                ? "The body must be a JSON object."
                : $"'{path}' has a value of the wrong type or not one of the allowed values.";
        }

        var position = ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})" : "";
        return $"The body is not valid JSON{position}.";
    }

    [GeneratedRegex("The JSON property '([^']*)' could not be mapped", RegexOptions.CultureInvariant)]
    private static partial Regex UnmappedMember();
}
