namespace UptimeCoordinator.Domain;

/// <summary>
/// Names and titles are shown on one line: in mail subjects and headers, status pages and chat.
/// A line break or other control character in one would let its author forge a header or a line,
/// so they are refused where the text comes in rather than trusted to every place it goes out.
/// </summary>
public static class SingleLineText
{
    public const string Refusal = "must not contain control characters such as line breaks";

    public static bool IsSingleLine(string text) => !text.Any(char.IsControl);
}
