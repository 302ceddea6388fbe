using System.Text;
using MimeKit;
using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Delivery.Email;

/// <summary>
/// The email form of a notice: plain text and HTML as alternatives, and a Message-Id derived from the
/// notice id, so that every retry is recognisably the same message to the receiving side.
/// </summary>
internal static class EmailMessage
{
    public const string NoticeIdHeader = "X-Uptime-Notice-Id";
    public const string NoticeKindHeader = "X-Uptime-Notice-Kind";

    /// <summary>The configured sender, or null when it is not one mailbox with a domain.</summary>
    public static MailboxAddress? SenderFrom(string? from) =>
        from is not null && MailboxAddress.TryParse(from, out var sender) && sender.Address.Contains('@', StringComparison.Ordinal)
            && sender.Domain.Length > 0
            ? sender
            : null;

    /// <exception cref="ParseException">The recipient is not an email address.</exception>
    public static MimeMessage Compose(NoticeDelivery delivery, MailboxAddress from, DateTimeOffset date)
    {
        var message = new MimeMessage
        {
            Subject = delivery.Content.Subject,
            Date = date,
            MessageId = MessageIdFor(delivery.NoticeId, from.Domain),
        };
        message.From.Add(new MailboxAddress(from.Name, from.Address));
        message.To.Add(new MailboxAddress(delivery.ToName, delivery.To));
        message.Headers.Add(NoticeIdHeader, delivery.NoticeId);
        message.Headers.Add(NoticeKindHeader, delivery.Kind.WireName());
        var body = new BodyBuilder { TextBody = delivery.Content.Text, HtmlBody = delivery.Content.Html };
        if (delivery.Attachment is { } file)
        {
            // Calendar clients recognise an invite by its Content-Type, method parameter included.
            body.Attachments.Add(file.FileName, Encoding.UTF8.GetBytes(file.Content), ContentType.Parse(file.MediaType));
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>
    /// <c>{notice id}@{sender's domain}</c>, without angle brackets. Notice ids separate their parts with
    /// colons, which a Message-Id may not hold: they become dots, anything else unusual a hyphen.
    /// </summary>
    public static string MessageIdFor(string noticeId, string domain)
    {
        var local = new StringBuilder(noticeId.Length);
        foreach (var c in noticeId)
        {
            var mapped = char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : c is ':' or '.' ? '.' : '-';
            if (mapped != '.' || (local.Length > 0 && local[^1] != '.'))
            {
                local.Append(mapped);
            }
        }

        var id = local.ToString().TrimEnd('.');
        return $"{(id.Length == 0 ? "notice" : id)}@{domain}";
    }
}
