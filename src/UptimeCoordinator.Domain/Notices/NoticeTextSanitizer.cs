using System.Text;

namespace UptimeCoordinator.Domain.Notices;

/// <summary>Cleans user-provided names, titles and messages before they reach a notice's subject or body.</summary>
internal static class NoticeTextSanitizer
{
    private const int MaxSubjectLength = 200;

    /// <summary>Names, ids and titles on one line: control characters become spaces, whitespace runs one space.</summary>
    internal static string OneLine(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            var blank = char.IsControl(c) || char.IsWhiteSpace(c);
            if (!blank)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().TrimEnd();
    }

    // The subject becomes an email header and user-provided names flow into it: a CR or LF would let a
    // client named "Acme\r\nBcc: x@y" add headers. OneLine leaves no control character; the cap keeps it one line.
    internal static string Subject(string subject)
    {
        var line = OneLine(subject);
        if (line.Length <= MaxSubjectLength)
        {
            return line;
        }

        var cut = MaxSubjectLength - 1;
        if (char.IsHighSurrogate(line[cut - 1]))
        {
            cut--;
        }

        return line[..cut].TrimEnd() + "…";
    }

    /// <summary>The incident's message, trimmed, or null when it says nothing.</summary>
    internal static string? Message(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }

        // A message keeps its line breaks; any other control character would only garble the text.
        var lines = message.ReplaceLineEndings("\n").Split('\n').Select(line => new string([.. line.Select(c => char.IsControl(c) ? ' ' : c)]).TrimEnd());
        return string.Join('\n', lines).Trim();
    }
}
