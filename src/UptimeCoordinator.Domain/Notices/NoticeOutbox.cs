namespace UptimeCoordinator.Domain.Notices;

/// <summary>
/// A client's notices: the pending ones waiting for delivery and a bounded history of the rest,
/// newest last. It decides delivery-state changes; the client grain persists and dispatches.
/// </summary>
public sealed class NoticeOutbox
{
    /// <summary>Finished notices kept for the notice log; pending ones are never dropped.</summary>
    public const int MaxFinished = 1000;

    public List<Notice> Notices { get; set; } = [];

    public Notice? Find(string id) => Notices.Find(n => n.Id == id);

    public bool Contains(string id) => Find(id) is not null;

    public IEnumerable<Notice> Pending => Notices.Where(n => n.IsPending);

    public IEnumerable<Notice> DueAt(DateTimeOffset now) => Pending.Where(n => n.DueAt <= now);

    /// <summary>The earliest due time of a pending notice held for later, if any.</summary>
    public DateTimeOffset? NextHeldAfter(DateTimeOffset now) =>
        Pending.Where(n => n.DueAt > now).Select(n => (DateTimeOffset?)n.DueAt).Min();

    public void Add(IEnumerable<Notice> notices)
    {
        Notices.AddRange(notices);
        Trim();
    }

    /// <summary>Marks a pending notice superseded: it was withdrawn before any attempt and will never be sent.</summary>
    public bool Supersede(string id, string reason)
    {
        if (Find(id) is not { IsPending: true } notice)
        {
            return false;
        }

        notice.State = NoticeState.Superseded;
        notice.LastError = reason;
        notice.KeepOnlyWhatTheLogShows();
        return true;
    }

    /// <summary>
    /// Puts a failed notice back in the queue, due at <paramref name="now"/>, under its own id: the
    /// receiver that did get an earlier attempt can tell it is the same message. False unless it failed.
    /// </summary>
    public bool Retry(string id, DateTimeOffset now)
    {
        if (Find(id) is not { State: NoticeState.Failed } notice)
        {
            return false;
        }

        notice.State = NoticeState.Pending;
        notice.DueAt = now;
        return true;
    }

    /// <summary>
    /// Applies a delivery outcome; false when it changes nothing (a repeat, or an unknown id).
    /// A notice reported sent is recorded as sent whatever it was, because that is what happened.
    /// </summary>
    public bool Record(string id, NoticeState state, int attempts, string? error, DateTimeOffset at)
    {
        if (Find(id) is not { } notice || notice.State == NoticeState.Sent || (!notice.IsPending && state != NoticeState.Sent))
        {
            return false;
        }

        if (state == NoticeState.Pending && attempts == 0 && notice.LastError == error)
        {
            return false;
        }

        notice.State = state;
        notice.Attempts += attempts;
        notice.LastError = state == NoticeState.Sent ? null : error;
        notice.LastAttemptAt = attempts > 0 ? at : notice.LastAttemptAt;
        notice.SentAt = state == NoticeState.Sent ? at : null;
        if (state == NoticeState.Sent)
        {
            notice.KeepOnlyWhatTheLogShows();
        }

        return true;
    }

    private void Trim()
    {
        var finished = Notices.Count(n => !n.IsPending);
        if (finished <= MaxFinished)
        {
            return;
        }

        var drop = finished - MaxFinished;
        Notices.RemoveAll(n => !n.IsPending && drop-- > 0);
    }
}
