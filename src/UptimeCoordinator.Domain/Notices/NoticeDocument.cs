using System.Net;
using System.Text;

namespace UptimeCoordinator.Domain.Notices;

/// <summary>Lays out a notice's greeting, intro and sections as plain text and as an HTML email body.</summary>
internal static class NoticeDocument
{
    internal static string Text(string greeting, string intro, NoticeSection[] sections)
    {
        var text = new StringBuilder().Append(greeting).Append("\n\n").Append(intro).Append('\n');
        foreach (var (heading, lines, bulleted) in sections)
        {
            text.Append('\n').Append(heading).Append('\n');
            foreach (var line in lines)
            {
                text.Append(bulleted ? "- " : "").Append(line).Append('\n');
            }
        }

        return text.ToString();
    }

    // Everything is encoded, literals included: then no user-provided string can reach the markup unencoded.
    internal static string Html(string subject, string greeting, string intro, NoticeSection[] sections)
    {
        const string Paragraph = "<p style=\"margin:0 0 16px 0;\">";
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(subject)).Append("</title>\n</head>\n")
            .Append("<body style=\"margin:0;padding:24px;background-color:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;\">\n")
            .Append("<main style=\"max-width:600px;\">\n")
            .Append(Paragraph).Append(Encode(greeting)).Append("</p>\n")
            .Append(Paragraph).Append(Encode(intro)).Append("</p>\n");
        foreach (var (heading, lines, bulleted) in sections)
        {
            html.Append("<h2 style=\"margin:24px 0 8px 0;font-size:18px;color:#1a1a1a;\">").Append(Encode(heading)).Append("</h2>\n");
            if (bulleted)
            {
                html.Append("<ul style=\"margin:0 0 16px 0;padding-left:24px;\">\n");
                foreach (var line in lines)
                {
                    html.Append("<li>").Append(Encode(line)).Append("</li>\n");
                }

                html.Append("</ul>\n");
            }
            else
            {
                html.Append(Paragraph).Append(string.Join("<br>\n", lines.Select(Encode))).Append("</p>\n");
            }
        }

        return html.Append("</main>\n</body>\n</html>\n").ToString();
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value).Replace("\n", "<br>\n", StringComparison.Ordinal);
}
