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

    /// <summary>The incident (or, later, maintenance window) the notice is about.</summary>
    public string SubjectId { get; set; } = "";

    /// <summary>The step of the subject it tells about; part of the id.</summary>
    public long Sequence { get; set; }

    /// <summary>The email address or URL it goes to, as the contact had it when planned.</summary>
    public string To { get; set; } = "";

    public NoticeContent Content { get; set; } = new("", "", "");

    /// <summary>The JSON body of a webhook notice; null on other channels.</summary>
    public string? Payload { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it may go out: now, or the end of the contact's quiet hours for a non-urgent notice.</summary>
    public DateTimeOffset DueAt { get; set; }

    public NoticeState State { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public bool IsPending => State == NoticeState.Pending;
}
