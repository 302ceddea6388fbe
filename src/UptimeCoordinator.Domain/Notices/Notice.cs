using UptimeCoordinator.Domain.Clients;

namespace UptimeCoordinator.Domain.Notices;

/// <summary>
/// One message to one contact on one channel, as kept in the client's outbox: rendered once when
/// planned, so that every attempt sends the same thing, with its delivery state.
/// </summary>
public sealed class Notice
{
    public string Id { get; set; } = "";

    public NoticeKind Kind { get; set; }

    public NoticeChannel Channel { get; set; }

    public string ContactId { get; set; } = "";

    /// <summary>The incident or maintenance window the notice is about.</summary>
    public string SubjectId { get; set; } = "";

    /// <summary>The step of the subject it tells about; part of the id.</summary>
    public long Sequence { get; set; }

    /// <summary>The email address or URL it goes to, as the contact had it when planned.</summary>
    public string To { get; set; } = "";

    public NoticeContent Content { get; set; } = new("", "", "");

    /// <summary>The JSON body of a webhook notice; null on other channels.</summary>
    public string? Payload { get; set; }

    /// <summary>A file the email carries (a maintenance invite); null on other channels and for most notices.</summary>
    public NoticeAttachment? Attachment { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it may go out: now, or the end of the contact's quiet hours for a non-urgent notice.</summary>
    public DateTimeOffset DueAt { get; set; }

    public NoticeState State { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public bool IsPending => State == NoticeState.Pending;

    /// <summary>
    /// Drops what only a send needs (the HTML, the webhook body, the attachment) from a notice that will
    /// never be sent again, keeping its subject and text for the notice log. Every write of a client
    /// stores its whole outbox, and a long-lived client's outbox is mostly such notices.
    /// </summary>
    public void KeepOnlyWhatTheLogShows()
    {
        Content = Content with { Html = "" };
        Payload = null;
        Attachment = null;
    }

    /// <summary>
    /// A notice just planned, pending: due now, or, for a kind that may wait, at the end of the
    /// contact's quiet hours in <paramref name="zone"/> (the contact's, else its client's).
    /// </summary>
    public static Notice Planned(
        string id, NoticeKind kind, NoticeChannel channel, Contact contact, string subjectId, long sequence, string to,
        NoticeContent content, string? payload, DateTimeOffset now, TimeZoneInfo zone) => new()
    {
        Id = id,
        Kind = kind,
        Channel = channel,
        ContactId = contact.Id,
        SubjectId = subjectId,
        Sequence = sequence,
        To = to,
        Content = content,
        Payload = channel == NoticeChannel.Webhook ? payload : null,
        CreatedAt = now,
        DueAt = kind.IsUrgent() || contact.QuietHours is null ? now : contact.QuietHours.Release(now, zone),
        State = NoticeState.Pending,
    };
}
